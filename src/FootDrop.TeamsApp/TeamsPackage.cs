using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace FootDrop.TeamsApp;

/// <summary>
/// The Teams app package: manifest.json with the bot's app id filled in, and the two icons, all at the zip's root
/// (the layout Teams' "Upload a custom app" expects).
/// </summary>
public static class TeamsPackage
{
    public const string ManifestEntry = "manifest.json";
    public const string ColorIcon = "color.png";
    public const string OutlineIcon = "outline.png";

    private static string AppPackageDirectory => Path.Combine(AppContext.BaseDirectory, "AppPackage");

    /// <summary>The manifest text for an app id; the id must be the Azure Bot registration's Microsoft App ID (a GUID).</summary>
    public static string Manifest(string? appId)
    {
        if (string.IsNullOrWhiteSpace(appId))
        {
            throw new ArgumentException("MicrosoftAppId is empty: set it in appsettings.json, the MicrosoftAppId environment variable, or pass --app-id <guid>.");
        }

        if (!Guid.TryParse(appId, out var id))
        {
            throw new ArgumentException($"MicrosoftAppId '{appId}' is not a GUID: use the Microsoft App ID of the Azure Bot registration.");
        }

        var template = File.ReadAllText(Path.Combine(AppPackageDirectory, "manifest.template.json"));
        return template.Replace("{{APP_ID}}", id.ToString("D"), StringComparison.Ordinal);
    }

    public static void Build(string? appId, string zipPath)
    {
        var manifest = Manifest(appId);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        File.Delete(zipPath);
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry(ManifestEntry).Open(), new UTF8Encoding(false)))
        {
            writer.Write(manifest);
        }

        zip.CreateEntryFromFile(Path.Combine(AppPackageDirectory, ColorIcon), ColorIcon);
        zip.CreateEntryFromFile(Path.Combine(AppPackageDirectory, OutlineIcon), OutlineIcon);
    }

    /// <summary>MicrosoftAppId from the top-level appsettings.json (found by walking up to FootDrop.Bot.sln), then the environment.</summary>
    public static string? ConfiguredAppId(string startDirectory)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("MicrosoftAppId");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var settings = Path.Combine(directory.FullName, "appsettings.json");
            if (File.Exists(Path.Combine(directory.FullName, "FootDrop.Bot.sln")) && File.Exists(settings))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(settings));
                return document.RootElement.TryGetProperty("MicrosoftAppId", out var value) ? value.GetString() : null;
            }
        }

        return null;
    }
}
