using FootDrop.Bot.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The top-level appsettings.json and dialogs/ are copied beside the binaries, so the bot finds
    // them wherever it is started from.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.UseDefaultBotAddress();
builder.AddBotServices();

var app = builder.Build();

app.MapBotEndpoints();

app.Run();

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
