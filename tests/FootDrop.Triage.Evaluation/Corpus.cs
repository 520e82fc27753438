using FootDrop.Content.Triage;

namespace FootDrop.Triage.Evaluation;

/// <summary>The level of care a labelled message truly needs, as its writer labelled it.</summary>
public enum Label
{
    Emergency,
    Urgent,
    Routine,
    Negated,
}

/// <summary>One message of tests/triage-corpus: its label, what is truly going on (for honest answers), whose it is.</summary>
public sealed record LabelledMessage(string File, int Line, Label Label, IReadOnlySet<SignArea> Areas, bool AboutSomeoneElse, string Text)
{
    public bool IsBenign => Label is Label.Routine or Label.Negated;
}

/// <summary>
/// Reads tests/triage-corpus: tab-separated files with a header <c>label area person message</c>, in two fixed parts.
/// dev/ may be used to tune rules, examples and thresholds; test/ never is (see tests/triage-corpus/README.md).
/// </summary>
public static class Corpus
{
    public const string DevelopmentPart = "dev";
    public const string TestPart = "test";

    public static string FindDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "triage-corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/triage-corpus was not found above " + AppContext.BaseDirectory);
    }

    public static IReadOnlyList<LabelledMessage> Load(string part, string? corpusDirectory = null)
    {
        var directory = Path.Combine(corpusDirectory ?? FindDirectory(), part);
        var messages = new List<LabelledMessage>();
        foreach (var file in Directory.GetFiles(directory, "*.tsv").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            if (lines.Length == 0 || lines[0] != "label\tarea\tperson\tmessage")
            {
                throw new InvalidDataException($"{file}: the first line must be the header label<TAB>area<TAB>person<TAB>message.");
            }

            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length == 0)
                {
                    continue;
                }

                var fields = lines[i].Split('\t');
                if (fields.Length != 4)
                {
                    throw new InvalidDataException($"{file} line {i + 1}: expected 4 tab-separated fields, found {fields.Length}.");
                }

                messages.Add(new LabelledMessage(
                    Path.GetFileName(file),
                    i + 1,
                    ParseLabel(fields[0], file, i + 1),
                    ParseAreas(fields[1], file, i + 1),
                    fields[2] switch
                    {
                        "self" => false,
                        "other" => true,
                        _ => throw new InvalidDataException($"{file} line {i + 1}: person must be self or other."),
                    },
                    fields[3]));
            }
        }

        return messages;
    }

    private static Label ParseLabel(string text, string file, int line) => text switch
    {
        "emergency" => Label.Emergency,
        "urgent" => Label.Urgent,
        "routine" => Label.Routine,
        "negated" => Label.Negated,
        _ => throw new InvalidDataException($"{file} line {line}: unknown label '{text}'."),
    };

    private static HashSet<SignArea> ParseAreas(string text, string file, int line)
    {
        var areas = new HashSet<SignArea>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part)
            {
                case "none":
                    break;
                case "stroke":
                    areas.Add(SignArea.Stroke);
                    break;
                case "cauda":
                    areas.Add(SignArea.CaudaEquina);
                    break;
                case "leg":
                    areas.Add(SignArea.Leg);
                    break;
                default:
                    throw new InvalidDataException($"{file} line {line}: unknown area '{part}'.");
            }
        }

        return areas;
    }
}
