using FootDrop.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace FootDrop.Bot.Tests.Infrastructure;

public static class StartFailure
{
    /// <summary>Starts the bot's host expecting it to refuse; returns every message in the failure, inner ones included.</summary>
    public static async Task<string> MessagesAsync(IDictionary<string, string?> settings, string environment = "Development")
    {
        // The host built as Program builds it, on an in-memory server: a failed start is reported straight from
        // StartAsync instead of racing WebApplicationFactory's disposal.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBotServices();
        await using var app = builder.Build();

        var exception = await Record.ExceptionAsync(() => app.StartAsync());

        Assert.NotNull(exception);
        var messages = new List<string>();
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            messages.Add(current.Message);
            if (current is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (current.InnerException is not null)
            {
                pending.Push(current.InnerException);
            }
        }

        return string.Join(Environment.NewLine, messages);
    }
}
