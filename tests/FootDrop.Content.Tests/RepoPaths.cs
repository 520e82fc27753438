namespace FootDrop.Content.Tests;

/// <summary>Finds the real dialogs/ folder of the repository, so tests check the content the bot runs with.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Dialogs => Path.Combine(Root, "dialogs");

    /// <summary>A copy of dialogs/ in a temporary folder, for tests that break a file on purpose.</summary>
    public static string CopyOfDialogs()
    {
        var copy = Path.Combine(Path.GetTempPath(), "footdrop-dialogs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Dialogs, "*.json"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FootDrop.Bot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FootDrop.Bot.sln not found above the test binaries.");
    }
}
