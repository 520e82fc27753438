using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace FootDrop.Bot.Tests.Infrastructure;

/// <summary>
/// The bot as a process of its own (<c>dotnet FootDrop.Bot.dll</c>), set up only through environment variables as a
/// deployment is, listening on 127.0.0.1 with a free port, its state in a SQLite file of a temporary folder.
/// A process of its own is what lets a test change what it trusts (SSL_CERT_FILE) without touching this test run's or
/// the machine's trust store.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDirectory;

    private BotProcess(Process process, string dataDirectory)
    {
        _process = process;
        _dataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the process printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string? dataDirectory = null)
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "footdrop-process-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "FootDrop.Bot.dll"), "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__Provider"] = "Sqlite";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var bot = new BotProcess(Process.Start(start)!, dataDirectory);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (bot._output)
            {
                bot._output.AppendLine(e.Data);
            }

            if (ListeningOn().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        }

        bot._process.OutputDataReceived += Read;
        bot._process.ErrorDataReceived += Read;
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();

        var exited = bot._process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != listening.Task)
        {
            await bot.DisposeAsync();
            throw new InvalidOperationException("The bot process did not start listening:" + Environment.NewLine + bot.Output);
        }

        bot.BaseAddress = await listening.Task;
        return bot;
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan patience)
    {
        await _process.WaitForExitAsync().WaitAsync(patience);
        return _process.ExitCode;
    }

    /// <summary>The state keys the bot has saved that contain <paramref name="fragment"/> (a conversation or user id).</summary>
    public IReadOnlyList<string> StoredKeys(string fragment)
    {
        var file = Path.Combine(_dataDirectory, "footdrop-state.db");
        if (!File.Exists(file))
        {
            return [];
        }

        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM bot_state WHERE instr(key, $fragment) > 0";
        command.Parameters.AddWithValue("$fragment", fragment);
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The bot never wrote any state.
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningOn();
}
