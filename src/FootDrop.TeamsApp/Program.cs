using FootDrop.TeamsApp;

// dotnet run --project src/FootDrop.TeamsApp -- [--app-id <guid>] [--out artifacts/teams/FootDrop.Bot.zip]
string? appId = null;
var output = Path.Combine("artifacts", "teams", "FootDrop.Bot.zip");
for (var i = 0; i < args.Length - 1; i++)
{
    switch (args[i])
    {
        case "--app-id":
            appId = args[++i];
            break;
        case "--out":
            output = args[++i];
            break;
    }
}

appId ??= TeamsPackage.ConfiguredAppId(Directory.GetCurrentDirectory());
try
{
    TeamsPackage.Build(appId, output);
    Console.WriteLine($"Teams app package written to {Path.GetFullPath(output)}");
    return 0;
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
