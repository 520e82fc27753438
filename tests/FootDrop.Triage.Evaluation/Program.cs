using System.Diagnostics;
using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Semantic;
using FootDrop.Triage.Evaluation;

// dotnet run --project tests/FootDrop.Triage.Evaluation [-- --part dev|test] [--no-model] [--show dev]
var parts = new List<string>();
var useModel = true;
var show = false;
string? corpusDirectory = null;
string? dump = null;
string? explain = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--part":
            parts.Add(args[++i]);
            break;
        case "--corpus":
            corpusDirectory = args[++i];
            break;
        case "--dump":
            // Per-message details for threshold studies (development part only).
            dump = args[++i];
            break;
        case "--explain":
            // Shows how one message is read: its findings, their context, and the result.
            explain = args[++i];
            break;
        case "--no-model":
            useModel = false;
            break;
        case "--show":
            // Lists each miss, false alarm and question, development part only: the test part is read as figures.
            show = true;
            break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}");
            return 2;
    }
}

if (parts.Count == 0)
{
    parts = [Corpus.DevelopmentPart, Corpus.TestPart];
}

var dialogs = FindDialogs();
var vocabulary = TriageLoader.LoadVocabulary(dialogs);
SemanticReader? semantic = null;
if (useModel)
{
    var loading = Stopwatch.StartNew();
    semantic = new SemanticReader(() => MiniLmSentenceEmbedder.Shared, SemanticExamples.From(vocabulary), Path.Combine(Path.GetTempPath(), "footdrop-semantic-cache"));
    await semantic.WhenReady;
    Console.WriteLine($"sentence model ready in {loading.ElapsedMilliseconds} ms ({SemanticExamples.From(vocabulary).Count} examples)");
}

// A fixed evening clock, so "this morning" and "this afternoon" are in the past whenever the program runs.
var detector = new RedFlagDetector(vocabulary, new FixedClock(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero)), semantic);
detector.Warmup();
if (explain is not null)
{
    var explained = detector.Explain(explain);
    var r = explained.Result;
    Console.WriteLine($"{r.Level} {r.Source} [{string.Join(",", r.RuleIds)}] clarify={r.Clarify?.Id} note={r.Note?.Id} then={r.ThenClarify?.Id} other={r.AboutSomeoneElse}");
    foreach (var m in explained.Mentions)
    {
        Console.WriteLine($"  {m.FindingId} [{m.Start}-{m.End}] {m.Status} ({m.Why}){(m.AboutSomeoneElse ? " other" : string.Empty)}");
    }

    foreach (var (clause, match) in explained.Semantic)
    {
        Console.WriteLine($"  model: '{clause}' -> {match?.Nearest.RuleId} {match?.Score:F2} '{match?.Nearest.Text}' vs {match?.MissScore:F2}");
    }

    return 0;
}

foreach (var part in parts)
{
    var clock = Stopwatch.StartNew();
    var figures = TriageEvaluation.Run(detector, part, Corpus.Load(part, corpusDirectory));
    foreach (var line in TriageEvaluation.Report(figures))
    {
        Console.WriteLine(line);
    }

    Console.WriteLine($"({clock.Elapsed.TotalMilliseconds / Math.Max(1, figures.Outcomes.Count):F2} ms a message)");
    Console.WriteLine();
    if (dump is not null && part == Corpus.DevelopmentPart)
    {
        using var writer = new StreamWriter(dump);
        foreach (var outcome in figures.Outcomes)
        {
            var withoutModel = detector.Detect(outcome.Message.Text, useModel: false);
            var explained = detector.Explain(outcome.Message.Text);
            var best = explained.Semantic.Where(s => s.Match is not null).OrderByDescending(s => s.Match!.Score).FirstOrDefault();
            var emergencyBest = explained.Semantic.Select(s => s.Match?.EmergencyScore ?? 0).DefaultIfEmpty(0).Max();
            var rule = best.Match is null ? null : vocabulary.Rules.First(r => r.Id == best.Match.Nearest.RuleId);
            writer.WriteLine(string.Join('\t',
                outcome.Message.Label, string.Join(',', outcome.Message.Areas), withoutModel.Level, withoutModel.Clarify?.Area.ToString() ?? "-",
                rule?.Level.ToString() ?? "-", rule?.Area.ToString() ?? "-", best.Match?.Score.ToString("F3") ?? "0", best.Match?.MissScore.ToString("F3") ?? "0",
                emergencyBest.ToString("F3"), outcome.Message.Text.Replace('\t', ' ')));
        }
    }

    if (show && part == Corpus.DevelopmentPart)
    {
        foreach (var outcome in figures.Outcomes.Where(o => o.IsMiss || o.IsFalseAlarm || (o.Message.IsBenign && o.AskedClarify)))
        {
            var kind = outcome.IsMiss ? "MISS" : outcome.IsFalseAlarm ? "ALARM" : "ASKED";
            var result = outcome.Result;
            Console.WriteLine($"{kind} [{outcome.Message.Label.ToString().ToLowerInvariant()}/{string.Join(",", outcome.Message.Areas)}] -> {outcome.Outcome} {result.Source} {string.Join(",", result.RuleIds)} {result.Clarify?.Id} {(result.Evidence is { } e ? $"~{e.Score:F2} '{e.Example}' vs {e.NearMissScore:F2}" : string.Empty)}");
            Console.WriteLine($"    {outcome.Message.Text}");
            foreach (var mention in detector.Explain(outcome.Message.Text).Mentions)
            {
                Console.WriteLine($"      {mention.FindingId} [{mention.Start}-{mention.End}] {mention.Status} ({mention.Why}){(mention.AboutSomeoneElse ? " other" : string.Empty)}");
            }
        }
    }
}

return 0;

static string FindDialogs()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.Combine(directory.FullName, "dialogs");
        if (File.Exists(Path.Combine(candidate, TriageLoader.VocabularyFile)))
        {
            return candidate;
        }
    }

    throw new DirectoryNotFoundException("dialogs/ was not found");
}

/// <summary>A clock that always says the same time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
