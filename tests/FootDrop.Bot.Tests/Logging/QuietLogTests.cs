using System.Net;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FootDrop.Bot.Tests.Logging;

/// <summary>
/// The SDK writes a line for every activity in and out. With the shipped appsettings.json those lines are off; one
/// setting, <c>Logging:LogLevel:Microsoft.Bot</c>, turns them on.
/// </summary>
public sealed class QuietLogTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task A_conversation_writes_no_per_activity_lines_by_default()
    {
        var logs = new LogCapture();
        using var bot = new BotApp(services: logs.AddTo);

        // The start-up says once when the rules and the sentence model are ready; that is not about a conversation.
        await bot.Services.GetRequiredService<FootDrop.Bot.Hosting.ContentStartupCheck>().WarmedUp;
        var atStart = logs.Entries.Count;

        await TalkAsync(bot, "conv-quiet");

        // Neither the SDK nor the bot writes anything for a healthy conversation.
        Assert.DoesNotContain(logs.Entries.Skip(atStart), e => e.Category.StartsWith("Microsoft.Bot", StringComparison.Ordinal) || e.Category.StartsWith("FootDrop.Bot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Setting_Microsoft_Bot_to_Information_turns_the_per_activity_lines_on()
    {
        var logs = new LogCapture();
        using var bot = new BotApp(new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.Bot"] = "Information" }, logs.AddTo);

        await TalkAsync(bot, "conv-loud");

        var sdkLines = logs.Entries.Where(e => e.Category.StartsWith("Microsoft.Bot", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, sdkLines.Count(e => e.Message.StartsWith("Sending activity", StringComparison.Ordinal)));
        Assert.All(sdkLines, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.Equal(5, logs.Entries.Count(e => e.Message.StartsWith("Sending activity", StringComparison.Ordinal)));
    }

    private async Task TalkAsync(BotApp bot, string conversationId)
    {
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(Activities.EmulatorJoin(_connector.ServiceUrl, conversationId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, conversationId, "what causes foot drop"))).StatusCode);
        await _connector.WaitForAsync(3);
    }
}
