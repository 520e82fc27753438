using FootDrop.Content.Text;

namespace FootDrop.Content.Model;

/// <summary>Who approved a content file and when; every file in dialogs/ carries it.</summary>
public sealed record Review(string Version, string ReviewedBy, string ReviewedOn);

public sealed record MenuOption(string Id, string Title, IReadOnlyList<string> Synonyms);

/// <summary>One explanation topic: short messages, one idea each, and the topics offered after it.</summary>
public sealed record Section(string Id, string Title, IReadOnlyList<string> Phrases, IReadOnlyList<string> Messages, IReadOnlyList<string> Next);

public enum StepKind
{
    Instruction,
    Hold,
}

public sealed record ExerciseStep(StepKind Kind, string Text);

public sealed record HoldTime(int MinSeconds, int MaxSeconds);

/// <summary>An exercise exactly as the source gives it: what it is for, its steps, its hold, reps and (optionally) sets.</summary>
public sealed record Exercise(
    string Id,
    string Title,
    string Purpose,
    string Targets,
    IReadOnlyList<string> Phrases,
    IReadOnlyList<ExerciseStep> Setup,
    IReadOnlyList<ExerciseStep> Repetition,
    HoldTime Hold,
    int Reps,
    int? TargetSets);

/// <summary>Everything the bot says outside triage, loaded and validated from dialogs/ at start-up.</summary>
public sealed class ContentCatalog
{
    private readonly Dictionary<string, Section> _sections;
    private readonly Dictionary<string, Exercise> _exercises;
    private readonly HashSet<string> _greetings;

    public ContentCatalog(
        TextCatalog texts,
        IReadOnlyList<MenuOption> menu,
        IReadOnlyList<Section> sections,
        IReadOnlyList<Exercise> exercises,
        IReadOnlyList<string> session,
        IReadOnlyDictionary<string, Review> reviews,
        IEnumerable<string>? greetings = null)
    {
        Texts = texts;
        Menu = menu;
        Sections = sections;
        Exercises = exercises;
        Session = session;
        Reviews = reviews;
        _sections = sections.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _exercises = exercises.ToDictionary(e => e.Id, StringComparer.Ordinal);
        _greetings = (greetings ?? []).Select(TextNormalizer.Canonical).Where(g => g.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    public TextCatalog Texts { get; }

    public IReadOnlyList<MenuOption> Menu { get; }

    public IReadOnlyList<Section> Sections { get; }

    public IReadOnlyList<Exercise> Exercises { get; }

    /// <summary>The exercises of a whole session, in order.</summary>
    public IReadOnlyList<string> Session { get; }

    /// <summary>The review fields of each file, by file name.</summary>
    public IReadOnlyDictionary<string, Review> Reviews { get; }

    public Section Section(string id) => _sections.TryGetValue(id, out var section)
        ? section
        : throw new KeyNotFoundException($"No section '{id}'.");

    public Exercise Exercise(string id) => _exercises.TryGetValue(id, out var exercise)
        ? exercise
        : throw new KeyNotFoundException($"No exercise '{id}'.");

    public bool HasSection(string id) => _sections.ContainsKey(id);

    public bool HasExercise(string id) => _exercises.ContainsKey(id);

    /// <summary>True when the whole message is only a greeting ("Hi!", "good morning"), never for a greeting followed by more.</summary>
    public bool IsGreeting(string? text) => _greetings.Contains(TextNormalizer.Canonical(text));
}
