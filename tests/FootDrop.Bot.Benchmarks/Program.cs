using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FootDrop.Bot.Benchmarks;
using FootDrop.Bot.Conversation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project tests/FootDrop.Bot.Benchmarks -- [--users 16] [--seconds 10] [--rounds 3] [--storage Memory|Sqlite|Postgres] [--mode expectReplies|normal] [--only rows,memory,model,cold] [--cold-runs 3] [--bot-dir published-folder] [--quick]
var options = BenchmarkOptions.Parse(args);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var started = DateTime.Now;
var loadAtStart = LoadAverage();

await using var connector = await CountingConnector.StartAsync();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(30) };

var modelCalls = new Dictionary<string, List<(int Turn, long Calls)>>();

// What the bot logs when its sentence model has loaded (ContentStartupCheck).
const string ModelReadyLog = "The sentence model is ready";

// Each turn names a piece of the reply it must get; the never-replies (the apology after a failed turn, the fallback,
// a prompt asking again) make a turn wrong wherever they appear. They come from the bot's own content.
Script footDropScript;
string footDropLogLevels;
using (var probe = new FootDropHost(new() { ["Storage:Provider"] = "Memory" }))
{
    var texts = probe.Services.GetRequiredService<Texts>();
    footDropScript = new Script("FootDrop.Bot", [
        new(null, "Hi, I'm FootDrop.Bot"),
        new("what causes foot drop", "Common causes fall into a few groups.", FreeText: true),
        new("Will it last?", "Foot drop is often temporary"),
        new("toe lifts", texts[TextKeys.SidePrompt]),
        new("left", "First, is any of this happening now"),
        new("no", "Do you have any of these: new trouble controlling"),
        new("no", "When did the foot weakness start?"),
        new("slowly over months", "Do you have any numbness or tingling", FreeText: true),
        new("no", "Do you have pain that shoots or spreads down your leg?"),
        new("no", "Are you having trouble with your balance"),
        new("no", "Have you had an injury or an operation recently"),
        new("no", "Is it getting worse?"),
        new("no", "Getting ready (1 of 1): Sit up straight"),
        new("next", "Set 1 of 3, rep 1 of 10: Keep the ball of your left foot"),
        new("next", "Set 1 of 3, rep 1 of 10: Hold your toes up for 2 to 3 seconds"),
        new("Start hold", "Holding now. I'll tell you when to relax in 3 seconds."),
        new("next", "Set 1 of 3, rep 2 of 10: Keep the ball"),
        new("I did all reps", "Set 1 of 3 done."),
        new("Finish this exercise", texts[TextKeys.PainPrompt]),
        new("2", texts[TextKeys.MenuAgain]),
        new("check my symptoms", "First, is any of this happening now"),
        new("no", "Do you have any of these: new trouble controlling"),
        new("no", "When did the foot weakness start?"),
        new("for about 3 months, it came on slowly", "Do you have any numbness or tingling", FreeText: true),
        new("no", "Do you have pain that shoots or spreads down your leg?"),
        new("no", "Are you having trouble with your balance"),
        new("no", "Have you had an injury or an operation recently"),
        new("no", "Is it getting worse?"),
        new("no", "Nothing you've told me needs urgent care right now."),
        new("Back to the menu", texts[TextKeys.MenuPrompt]),
    ], [
        texts[TextKeys.ErrorTurn], texts[TextKeys.Fallback], texts[TextKeys.MenuRetry], texts[TextKeys.YesNoRetry],
        texts[TextKeys.SideRetry], texts[TextKeys.PainRetry], texts[TextKeys.TooManyAttempts], texts[TextKeys.UpgradeRestarted],
        texts[TextKeys.ExerciseNoHold],
    ]);
    footDropLogLevels = LogLevels(probe.Services.GetRequiredService<IConfiguration>());
}

// A conversation typed entirely in the user's own words, as people write to the bot: questions about foot drop, a
// carer's long account of a new foot drop (the emergency question first, then the urgent advice for the person they
// help), a new foot drop of one's own (urgent advice; the emergency question is asked once a day), a carer's and a
// patient's emergency. Written for the benchmark, not taken from the triage corpus. The messages the rules do not
// settle as an emergency have five words or more, so the sentence model reads them.
var freeTextScript = new Script("FootDrop.Bot free text", [
    new(null, "Hi, I'm FootDrop.Bot"),
    new("what causes foot drop, is it always a problem with the nerves?", "Common causes fall into a few groups.", FreeText: true),
    new("will my foot drop ever get better or is it going to be permanent?", "Foot drop is often temporary", FreeText: true),
    new("can you explain how the exercises are supposed to help my foot", "When foot drop comes from weak muscles or a mild nerve problem", FreeText: true),
    new("I have had MS for ten years and my right foot has always dragged a little, is a brace worth trying?", "An ankle-foot orthosis, or AFO", FreeText: true),
    new("what are the warning signs that I need to go to hospital?", "Most of the time these exercises are safe", FreeText: true),
    new("so my mum is 78 and she had a fall in the garden about a fortnight ago, nothing broken, but since then she has been catching her left toes on every step and says the foot feels heavy and floppy, her GP is away until next month and I'm not sure whether this can wait",
        "Before my advice, one safety question: is there also any face drooping", FreeText: true),
    new("no, her face and speech are fine and she has no trouble with the toilet", "Please help them see a doctor today", FreeText: true),
    new("for the last four days my toes keep catching on the edge of the stairs", "Please see a doctor today", FreeText: true),
    new("sorry one more thing, my husband's face has dropped on one side and he is slurring his words", "for them now, or get them to the nearest emergency department", FreeText: true),
    new("I've been trying to pee for hours and nothing comes out and my back is agony", "now, or go to the nearest emergency department. Do not drive yourself.", FreeText: true),
], footDropScript.Never);

// Which turns run the sentence model: button presses, commands and recognised prompt answers must not.
using (var probe = new FootDropHost(new() { ["Storage:Provider"] = "Memory" }, countModelCalls: true))
{
    await probe.WhenModelReadyAsync();
    foreach (var script in new[] { footDropScript, freeTextScript })
    {
        if (await CheckScriptAsync(probe.BaseAddress, script) is { } off)
        {
            Console.Error.WriteLine(off);
            return 1;
        }

        var calls = await ModelCallsAsync(probe, script);
        var wrong = calls.Where(c => !script.Turns[c.Turn].FreeText).ToList();
        if (wrong.Count > 0)
        {
            Console.Error.WriteLine($"The {script.Name} script ran the sentence model on a button press, command or prompt answer: "
                + string.Join("; ", wrong.Select(c => $"turn {c.Turn + 1} \"{script.Turns[c.Turn].Text}\"")));
            return 1;
        }

        modelCalls[script.Name] = calls;
    }

    if (modelCalls[freeTextScript.Name].Count == 0)
    {
        Console.Error.WriteLine("The free-text script never reached the sentence model: its row would measure the rules alone.");
        return 1;
    }
}

var echoScript = new Script("stock echo", footDropScript.Turns.Select(t => t.Text is null ? new ScriptTurn(null, "Hello") : new ScriptTurn("hello", "Echo: hello")).ToList(), [StockEchoHost.ErrorReply]);
await using (var probe = await StockEchoHost.StartAsync())
{
    var stockLogLevels = LogLevels(probe.Services.GetRequiredService<IConfiguration>());
    if (stockLogLevels != footDropLogLevels)
    {
        Console.Error.WriteLine($"The two bots log at different levels (FootDrop.Bot {footDropLogLevels}; stock {stockLogLevels}): the comparison would not be fair.");
        return 1;
    }

    if (await CheckScriptAsync(probe.BaseAddress, echoScript) is { } off)
    {
        Console.Error.WriteLine(off);
        return 1;
    }
}

Console.WriteLine($"FootDrop.Bot benchmark: {options.Users} users, {options.Rounds} rounds of {options.Seconds} s per bot and mode, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine($"One scripted conversation is {footDropScript.Turns.Count} turns: welcome, two explanations, the first-session symptom check, toe lifts step by step with a hold, pain, the symptom check.");
Console.WriteLine("The baseline is configured as the official samples are (AddHttpClient(), ConfigurationBotFrameworkAuthentication, CloudAdapter with the samples' error handler); both bots read the shipped appsettings.json: " + footDropLogLevels + ".");
Console.WriteLine("Every turn is checked against the reply it should get; a wrong, fallback or error reply or a failed request is an error, ends its conversation (off its script) and counts in neither turns/s nor latency.");
Console.WriteLine("CPU per turn is the whole process (servers and load generator alike), so compare it between rows, not as an absolute.");
Console.WriteLine();

var storages = new List<(string Name, Dictionary<string, string?> Settings)>
{
    ("Memory", new() { ["Storage:Provider"] = "Memory" }),
    ("Sqlite", new() { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = TempDirectory() }),
};
var postgres = Environment.GetEnvironmentVariable("FOOTDROP_TEST_POSTGRES");
if (!string.IsNullOrWhiteSpace(postgres))
{
    storages.Add(("Postgres", new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = postgres }));
}

if (options.Storage is { } only)
{
    storages.RemoveAll(s => !string.Equals(s.Name, only, StringComparison.OrdinalIgnoreCase));
}

var rows = new List<Row>();
foreach (var expectReplies in new[] { true, false }.Where(e => options.Has("rows") && (options.Mode is null || string.Equals(options.Mode, e ? "expectReplies" : "normal", StringComparison.OrdinalIgnoreCase))))
{
    var mode = expectReplies ? "expectReplies" : "normal";

    // A fresh baseline for each mode: MemoryStorage keeps every finished conversation, and a heap grown by the previous
    // mode's rounds would slow this mode's garbage collections for both bots.
    await using var baseline = await StockEchoHost.StartAsync();
    var baselineDriver = new LoadDriver(http, baseline.BaseAddress, connector, expectReplies, echoScript, options.Users);
    await WarmUpAsync("stock echo", mode, baselineDriver);
    Row? baselineRow = null;
    foreach (var (storage, settings) in storages)
    {
        using var bot = new FootDropHost(settings);
        var botDriver = new LoadDriver(http, bot.BaseAddress, connector, expectReplies, footDropScript, options.Users);
        await WarmUpAsync("FootDrop.Bot", $"{mode}/{storage}", botDriver);
        LoadDriver? freeTextDriver = null;
        if (options.FreeText)
        {
            // The free-text row measures the bot with its sentence model, which loads in the background.
            await bot.WhenModelReadyAsync();
            freeTextDriver = new LoadDriver(http, bot.BaseAddress, connector, expectReplies, freeTextScript, options.Users);
            await WarmUpAsync("FootDrop.Bot free text", $"{mode}/{storage}", freeTextDriver);
        }

        var botRounds = new List<RoundResult>();
        var freeRounds = new List<RoundResult>();
        var baseRounds = new List<RoundResult>();
        long botPeak = 0, freePeak = 0, basePeak = 0;
        for (var round = 0; round < options.Rounds; round++)
        {
            // Alternate, so drift in the machine's speed falls on all alike.
            var (botRound, botRss) = await Sampled(() => botDriver.RunAsync(TimeSpan.FromSeconds(options.Seconds)));
            var (baseRound, baseRss) = await Sampled(() => baselineDriver.RunAsync(TimeSpan.FromSeconds(options.Seconds)));
            botRounds.Add(botRound);
            baseRounds.Add(baseRound);
            botPeak = Math.Max(botPeak, botRss);
            basePeak = Math.Max(basePeak, baseRss);
            if (freeTextDriver is not null)
            {
                var (freeRound, freeRss) = await Sampled(() => freeTextDriver.RunAsync(TimeSpan.FromSeconds(options.Seconds)));
                freeRounds.Add(freeRound);
                freePeak = Math.Max(freePeak, freeRss);
            }
        }

        if (baselineRow is null)
        {
            baselineRow = Row.From("stock echo (CloudAdapter)", mode, "Memory", baseRounds, null) with { PeakMb = basePeak / (1024 * 1024) };
            rows.Add(baselineRow);
        }

        var botRow = Row.From("FootDrop.Bot", mode, storage, botRounds, baselineRow) with { PeakMb = botPeak / (1024 * 1024) };
        if (storage == "Sqlite")
        {
            botRow = botRow with { StateBytes = StateBytesPerConversation(settings["Storage:DataDirectory"]!) };
        }

        rows.Add(botRow);
        Print(rows[^1]);
        if (freeRounds.Count > 0)
        {
            // Not compared with the echo baseline: the two do very different work per turn.
            rows.Add(Row.From("FootDrop.Bot, free text", mode, storage, freeRounds, null) with { PeakMb = freePeak / (1024 * 1024) });
            Print(rows[^1]);
        }
    }
}

Console.WriteLine();
Console.WriteLine("| bot | mode | storage | turns/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/turn | vs stock turns/s | posts/turn | peak RSS MB | conv. state bytes |");
Console.WriteLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var row in rows)
{
    Console.WriteLine($"| {row.Bot} | {row.Mode} | {row.Storage} | {row.TurnsPerSecond:F0} | {row.P50:F2} | {row.P95:F2} | {row.P99:F2} | {row.Errors} | {row.CpuMsPerTurn:F3} | {(row.Ratio is { } r ? r.ToString("F2") + "x" : "-")} | {row.PostsPerTurn:F2} | {row.PeakMb} | {(row.StateBytes is { } b ? b.ToString("F0") : "-")} |");
}

foreach (var row in rows.Where(r => r.Samples.Count > 0))
{
    Console.WriteLine();
    Console.WriteLine($"{row.Bot} {row.Mode} {row.Storage}: {row.Errors} turns went wrong, for example:");
    foreach (var error in row.Samples)
    {
        Console.WriteLine($"  turn {error.Turn} \"{error.Sent ?? "(join)"}\": expected \"{error.Expected}\"; {error.Got}");
    }
}

var stockNormal = rows.FirstOrDefault(r => r.Bot.StartsWith("stock", StringComparison.Ordinal) && r.Mode == "normal");
var stockExpect = rows.FirstOrDefault(r => r.Bot.StartsWith("stock", StringComparison.Ordinal) && r.Mode == "expectReplies");
var oursNormal = rows.FirstOrDefault(r => r.Bot == "FootDrop.Bot" && r.Mode == "normal" && r.Storage == "Memory");
if (stockNormal is not null && stockExpect is not null && oursNormal is not null)
{
    Console.WriteLine();
    Console.WriteLine($"FootDrop.Bot normal delivery vs stock normal delivery: {oursNormal.TurnsPerSecond / stockNormal.TurnsPerSecond:F1}x; vs stock expectReplies: {oursNormal.TurnsPerSecond / stockExpect.TurnsPerSecond:F2}x");
}

var sqliteExpect = rows.FirstOrDefault(r => r.Bot == "FootDrop.Bot" && r.Mode == "expectReplies" && r.Storage == "Sqlite");
var memoryExpect = rows.FirstOrDefault(r => r.Bot == "FootDrop.Bot" && r.Mode == "expectReplies" && r.Storage == "Memory");
if (sqliteExpect is not null && memoryExpect is not null)
{
    Console.WriteLine($"FootDrop.Bot SQLite vs MemoryStorage (expectReplies): {sqliteExpect.TurnsPerSecond / memoryExpect.TurnsPerSecond:F2}x");
}

Console.WriteLine("Peak RSS is the whole benchmark process (bot, baseline, connector and load generator) while that row's rounds ran.");

Console.WriteLine();
Console.WriteLine("Sentence model calls in one conversation (checked before measuring; only words the user typed may run it):");
foreach (var script in new[] { footDropScript, freeTextScript })
{
    var calls = modelCalls[script.Name];
    var typed = script.Turns.Count(t => t.FreeText);
    Console.WriteLine($"  {script.Name}, {script.Turns.Count} turns: {calls.Count} turns ran the model, of {typed} typed in the user's own words"
        + (calls.Count == 0 ? string.Empty : ": " + string.Join(", ", calls.Select(c => $"turn {c.Turn + 1}"))));
}

if (options.Has("memory") && (options.Storage is null || string.Equals(options.Storage, "Sqlite", StringComparison.OrdinalIgnoreCase)))
{
    await MemoryGrowthAsync();
}

if (options.Has("model"))
{
    MeasureModelCost();
}

if (options.Has("cold"))
{
    await ColdStartAsync();
}

Console.WriteLine();
Console.WriteLine($"Conditions: {started:yyyy-MM-dd HH:mm} to {DateTime.Now:HH:mm}, {Environment.ProcessorCount} cores, {options.Users} users; load average (1, 5, 15 min) at the start {loadAtStart}, at the end {LoadAverage()} (other processes on the machine count in it).");
return 0;

// The sentence model's own cost per message, on one thread, for the messages it would read in a turn.
void MeasureModelCost()
{
    using var host = new FootDropHost(new() { ["Storage:Provider"] = "Memory" });
    host.WhenModelReadyAsync().GetAwaiter().GetResult();
    var messages = CorpusMessages();
    var source = messages.Count > 0 ? $"{messages.Count} messages of tests/triage-corpus/dev" : "the free-text script (tests/triage-corpus/dev was not found)";
    if (messages.Count == 0)
    {
        messages = [.. freeTextScript.Turns.Where(t => t.Text is not null).Select(t => t.Text!)];
    }

    var cost = ModelCost.Measure(host.Services, messages);
    var script = ModelCost.Measure(host.Services, [.. freeTextScript.Turns.Where(t => t.Text is not null).Select(t => t.Text!)]);
    Console.WriteLine();
    Console.WriteLine($"Sentence model cost per message it reads, one thread (all-MiniLM-L6-v2 on ONNX Runtime, one intra-op thread; all of a message's clean clauses in one call):");
    Console.WriteLine("| messages | read by the model | clauses per message (most) | mean ms | p50 ms | p95 ms | p99 ms | max ms | thread CPU ms | process CPU ms | nearest-example search ms |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var (name, c) in new[] { (source, cost), ("the free-text script", script) })
    {
        Console.WriteLine($"| {name} | {c.MessagesRead} | {c.ClausesPerMessage:F1} ({c.MostClauses}) | {c.MeanMs:F2} | {c.P50Ms:F2} | {c.P95Ms:F2} | {c.P99Ms:F2} | {c.MaxMs:F2} | {c.CpuMsPerMessage:F2} | {c.ProcessCpuMsPerMessage:F2} | {c.NearestMsPerMessage:F3} |");
    }
}

static List<string> CorpusMessages()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        var part = Path.Combine(directory.FullName, "tests", "triage-corpus", "dev");
        if (Directory.Exists(part))
        {
            return [.. Directory.GetFiles(part, "*.tsv").Order(StringComparer.Ordinal)
                .SelectMany(file => File.ReadLines(file).Skip(1))
                .Select(line => line.Split('\t'))
                .Where(fields => fields.Length >= 4)
                .Select(fields => fields[3])];
        }
    }

    return [];
}

static string LoadAverage()
    => File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

// The turns of one conversation that ran the sentence model, on a host that counts its calls.
async Task<List<(int Turn, long Calls)>> ModelCallsAsync(FootDropHost host, Script script)
{
    var calls = new List<(int Turn, long Calls)>();
    var before = host.ModelCalls;
    var result = await new LoadDriver(http, host.BaseAddress, connector, true, script, 1).RunOnceAsync(turn =>
    {
        var now = host.ModelCalls;
        if (now > before)
        {
            calls.Add((turn, now - before));
        }

        before = now;
    });
    if (result.Errors > 0)
    {
        throw new InvalidOperationException($"The {script.Name} script went off its bot while counting model calls.");
    }

    return calls;
}

async Task WarmUpAsync(string bot, string mode, LoadDriver driver)
{
    // .NET under saturating load needs tens of seconds to reach its tier-1 code: warm until two windows agree.
    var window = TimeSpan.FromSeconds(options.Quick ? 1 : 3);
    var maxWindows = options.Quick ? 2 : 12;
    double previous = 0;
    long errors = 0;
    for (var i = 0; i < maxWindows; i++)
    {
        var result = await driver.RunAsync(window);
        errors += result.Errors;
        var flat = previous > 0 && Math.Abs(result.TurnsPerSecond - previous) / previous < 0.05;
        previous = result.TurnsPerSecond;
        if (flat && i >= 2)
        {
            break;
        }
    }

    Console.WriteLine($"warmed up {bot} {mode}: {previous:F0} turns/s, {errors} errors");
}

// Samples the process's resident memory while a round runs; keeps the highest seen.
static async Task<(RoundResult Result, long PeakBytes)> Sampled(Func<Task<RoundResult>> round)
{
    long highest = 0;
    using var stop = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        using var self = Process.GetCurrentProcess();
        while (!stop.IsCancellationRequested)
        {
            self.Refresh();
            highest = Math.Max(highest, self.WorkingSet64);
            await Task.Delay(100, CancellationToken.None);
        }
    });
    var result = await round();
    await stop.CancelAsync();
    await sampler;
    return (result, highest);
}

// Managed memory of the bot with SQLite state as finished conversations pile up: it must stay flat, since every
// conversation's state lives in the database, not in the process.
async Task MemoryGrowthAsync()
{
    var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = TempDirectory() };
    using var bot = new FootDropHost(settings);
    var driver = new LoadDriver(http, bot.BaseAddress, connector, true, footDropScript, options.Users);
    var batch = options.Quick ? 200 : 2000;
    var batches = options.Quick ? 2 : 4;
    Console.WriteLine();
    Console.WriteLine($"Memory with SQLite state as finished conversations pile up (expectReplies, {options.Users} users, {footDropScript.Turns.Count} turns each):");
    Console.WriteLine("| finished conversations | managed heap after full GC, MB | process RSS, MB | errors |");
    Console.WriteLine("| ---: | ---: | ---: | ---: |");
    for (var i = 1; i <= batches + 1; i++)
    {
        var result = await driver.RunConversationsAsync(batch);
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"| {i * batch} | {heap / (1024.0 * 1024):F1} | {self.WorkingSet64 / (1024 * 1024)} | {result.Errors} |");
    }
}

// Runs a script once per delivery mode against its bot before anything is measured. A script that no longer matches
// its bot (changed content, a changed dialog) would measure something else, so the run stops and says where.
async Task<string?> CheckScriptAsync(Uri target, Script script)
{
    foreach (var expectReplies in new[] { true, false })
    {
        var result = await new LoadDriver(http, target, connector, expectReplies, script, 1).RunOnceAsync();
        if (result.Errors > 0 || result.Turns != script.Turns.Count)
        {
            var error = result.Samples?.FirstOrDefault();
            return $"The {script.Name} script is off its bot ({(expectReplies ? "expectReplies" : "normal delivery")}): "
                + (error is null ? $"{result.Turns} of {script.Turns.Count} turns answered." : $"turn {error.Turn} \"{error.Sent ?? "(join)"}\" expected \"{error.Expected}\"; {error.Got}");
        }
    }

    return null;
}

static string LogLevels(IConfiguration configuration)
    => string.Join(", ", configuration.GetSection("Logging:LogLevel").GetChildren().OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

static string TempDirectory() => Path.Combine(Path.GetTempPath(), "footdrop-bench-" + Guid.NewGuid().ToString("N"));

static void Print(Row row)
    => Console.WriteLine($"  {row.Bot} {row.Mode} {row.Storage}: {row.TurnsPerSecond:F0} turns/s, p50 {row.P50:F2} ms, p99 {row.P99:F2} ms, {row.Errors} errors");

static double? StateBytesPerConversation(string dataDirectory)
{
    var file = Directory.GetFiles(dataDirectory, "*.db").FirstOrDefault();
    if (file is null)
    {
        return null;
    }

    using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT avg(length(document)) FROM bot_state WHERE conversation_scoped = 1";
    return command.ExecuteScalar() is double average ? average : null;
}

async Task ColdStartAsync()
{
    // Fresh processes as a deployment starts them: dotnet FootDrop.Bot.dll, Production with the loopback connector,
    // SQLite state. First starts have an empty data folder (the example vectors are made, then cached there); restarts
    // reuse the first start's folder, as a bot restarted on the same machine does.
    Console.WriteLine();
    Console.WriteLine($"Cold start (dotnet FootDrop.Bot.dll from {options.BotDirectory ?? "the build output"}, Production, SQLite), each a fresh process; times from the process start. "
        + "CPU is in 10 ms ticks; the main thread builds the host, validates the content and starts Kestrel, while the rules and the model warm on other threads:");
    Console.WriteLine("| run | first reply ms | process CPU by then ms | main thread CPU by then ms | model ready ms | first free-text message ms | same message later, median ms | first-use cost ms | slowest first-conversation turn ms (later median) | RSS with the model MB | errors |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    var firstStartFolder = TempDirectory();
    for (var run = 0; run < options.ColdRuns * 2; run++)
    {
        var restart = run >= options.ColdRuns;
        var folder = restart ? firstStartFolder : run == 0 ? firstStartFolder : TempDirectory();
        var label = restart ? $"restart {run - options.ColdRuns + 1}" : $"first start {run + 1}";
        Console.WriteLine(await ColdStartOnceAsync(folder) is { } line ? $"| {label} | {line}" : $"| {label} | did not answer |");
    }
}

async Task<string?> ColdStartOnceAsync(string dataDirectory)
{
    var port = FreePort();
    var start = new ProcessStartInfo("dotnet", $"FootDrop.Bot.dll --urls http://127.0.0.1:{port}")
    {
        WorkingDirectory = options.BotDirectory ?? AppContext.BaseDirectory,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        Environment =
        {
            ["Storage__Provider"] = "Sqlite",
            ["Storage__DataDirectory"] = dataDirectory,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Bot__AllowAnonymous"] = "true",
        },
    };
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;

    // Read what it logs at the shipped levels, so a full pipe never holds it up; the bot says when its model is ready.
    var modelReady = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
    process.OutputDataReceived += (_, e) =>
    {
        if (e.Data?.Contains(ModelReadyLog, StringComparison.Ordinal) == true)
        {
            modelReady.TrySetResult(clock.Elapsed);
        }
    };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    try
    {
        var target = new Uri($"http://127.0.0.1:{port}");
        var join = new LoadDriver(http, target, connector, true, new Script("cold", [footDropScript.Turns[0]], footDropScript.Never), 1);
        TimeSpan? firstReply = null;
        TimeSpan cpuByThen = default;
        TimeSpan? mainThreadByThen = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && firstReply is null)
        {
            try
            {
                var result = await join.RunOnceAsync();
                if (result.Errors == 0 && result.Turns > 0)
                {
                    firstReply = clock.Elapsed;
                    process.Refresh();
                    cpuByThen = process.TotalProcessorTime;
                    mainThreadByThen = MainThreadCpu(process.Id);
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(5);
            }
        }

        if (firstReply is null)
        {
            return null;
        }

        var ready = await Task.WhenAny(modelReady.Task, Task.Delay(TimeSpan.FromSeconds(60))) == modelReady.Task ? (TimeSpan?)modelReady.Task.Result : null;

        // The free-text conversation: its first run is the process's first free text; later runs are warm.
        var driver = new LoadDriver(http, target, connector, true, freeTextScript, 1);
        var first = await driver.RunOnceAsync();
        var later = new List<RoundResult>();
        for (var i = 0; i < 10; i++)
        {
            later.Add(await driver.RunOnceAsync());
        }

        var errors = first.Errors + later.Sum(r => r.Errors);
        var turns = freeTextScript.Turns.Count;
        double LaterMedian(int turn)
        {
            var values = later.Where(r => r.LatenciesMs.Count == turns).Select(r => r.LatenciesMs[turn]).Order().ToList();
            return values.Count == 0 ? double.NaN : values[values.Count / 2];
        }

        process.Refresh();
        var rssMb = process.WorkingSet64 / (1024 * 1024);
        if (first.LatenciesMs.Count != turns)
        {
            return $"{firstReply.Value.TotalMilliseconds:F0} | {cpuByThen.TotalMilliseconds:F0} | {mainThreadByThen?.TotalMilliseconds.ToString("F0") ?? "-"} | {ready?.TotalMilliseconds.ToString("F0") ?? "not logged"} | - | - | - | - | {rssMb} | {errors} |";
        }

        // Turn 0 is the join; turn 1 is the first message the user types.
        var slowest = Enumerable.Range(1, turns - 1).MaxBy(t => first.LatenciesMs[t] - LaterMedian(t));
        return $"{firstReply.Value.TotalMilliseconds:F0} | {cpuByThen.TotalMilliseconds:F0} | {mainThreadByThen?.TotalMilliseconds.ToString("F0") ?? "-"} | {ready?.TotalMilliseconds.ToString("F0") ?? "not logged"} | {first.LatenciesMs[1]:F1} | {LaterMedian(1):F1} | {first.LatenciesMs[1] - LaterMedian(1):F1} | {first.LatenciesMs[slowest]:F1} ({LaterMedian(slowest):F1}) | {rssMb} | {errors} |";
    }
    finally
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }
}

// The CPU time of a process's main thread (Linux: utime and stime of /proc/pid/task/pid/stat, in clock ticks).
static TimeSpan? MainThreadCpu(int pid)
{
    try
    {
        var stat = File.ReadAllText($"/proc/{pid}/task/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10.0);
    }
    catch (IOException)
    {
        return null;
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

internal sealed record BenchmarkOptions(int Users, int Seconds, int Rounds, bool Quick, string? Storage, string? Mode, IReadOnlySet<string>? Only, bool FreeText, int ColdRuns, string? BotDirectory)
{
    /// <summary>Whether a part of the run is wanted: rows (the table), memory, model, cold.</summary>
    public bool Has(string part) => Only is null || Only.Contains(part);

    public static BenchmarkOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
        }

        var quick = args.Contains("--quick");
        string? Text(string name) => Array.IndexOf(args, name) is var i && i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var only = Text("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new BenchmarkOptions(Value("--users", 16), Value("--seconds", quick ? 2 : 10), Value("--rounds", quick ? 1 : 3), quick, Text("--storage"), Text("--mode"), only, !args.Contains("--no-free-text"), Value("--cold-runs", quick ? 1 : 3), Text("--bot-dir") is { } dir ? Path.GetFullPath(dir) : null);
    }
}

internal sealed record Row(string Bot, string Mode, string Storage, double TurnsPerSecond, double P50, double P95, double P99, long Errors, double CpuMsPerTurn, double? Ratio, double PostsPerTurn, IReadOnlyList<TurnError> Samples, double? StateBytes = null, long PeakMb = 0)
{
    public static Row From(string bot, string mode, string storage, List<RoundResult> rounds, Row? baseline)
    {
        var latencies = rounds.SelectMany(r => r.LatenciesMs).Order().ToList();
        double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
        var turns = rounds.Sum(r => r.Turns);
        var seconds = rounds.Sum(r => r.Elapsed.TotalSeconds);
        var tps = turns / seconds;
        var cpu = rounds.Sum(r => r.Cpu.TotalMilliseconds) / Math.Max(1, turns);
        var posts = (double)rounds.Sum(r => r.Posts) / Math.Max(1, turns);
        var samples = rounds.SelectMany(r => r.Samples ?? []).Take(3).ToList();
        return new Row(bot, mode, storage, tps, Percentile(0.5), Percentile(0.95), Percentile(0.99), rounds.Sum(r => r.Errors), cpu, baseline is null ? null : tps / baseline.TurnsPerSecond, posts, samples);
    }
}
