using FootDrop.Content.Loading;
using FootDrop.Content.Model;

namespace FootDrop.Content.Triage;

/// <summary>Loads and validates triage.json (the symptom check) and redflags.json (the red-flag vocabulary and rules).</summary>
public static class TriageLoader
{
    public const string ScriptFile = "triage.json";
    public const string VocabularyFile = "redflags.json";

    public static TriageScript LoadScript(string dialogsDirectory)
    {
        var root = Open(dialogsDirectory, ScriptFile);
        var review = ReadReview(root);
        var intro = root.String("intro");
        var screen = ReadQuestions(root, "emergencyScreen");
        var onsetJson = root.Object("onset");
        var onset = new OnsetQuestions(
            onsetJson.String("whenPrompt"),
            onsetJson.String("suddenPrompt"),
            onsetJson.String("suddenRuleId"),
            onsetJson.String("whenSummary"),
            onsetJson.String("whenUnknown"),
            onsetJson.String("suddenSummary"));
        onsetJson.RejectUnknownFields();
        var questions = ReadQuestions(root, "questions");

        var allIds = screen.Concat(questions).Select(q => q.Id).ToList();
        var duplicate = allIds.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw root.Error("$.questions", $"the question id '{duplicate.Key}' is used twice.");
        }

        var outcomesJson = root.Object("outcomes");
        var outcomes = new Dictionary<CareLevel, IReadOnlyList<string>>
        {
            [CareLevel.Emergency] = outcomesJson.Strings("emergency"),
            [CareLevel.Urgent] = outcomesJson.Strings("urgent"),
            [CareLevel.Routine] = outcomesJson.Strings("routine"),
        };
        outcomesJson.RejectUnknownFields();

        var summaryJson = root.Object("summary");
        var levelsJson = summaryJson.Object("levels");
        var summary = new SummaryTexts(
            summaryJson.String("offer"),
            summaryJson.String("showButton"),
            summaryJson.String("menuButton"),
            summaryJson.String("heading"),
            summaryJson.String("yes"),
            summaryJson.String("no"),
            summaryJson.String("unsure"),
            summaryJson.String("result"),
            new Dictionary<CareLevel, string>
            {
                [CareLevel.Emergency] = levelsJson.String("emergency"),
                [CareLevel.Urgent] = levelsJson.String("urgent"),
                [CareLevel.Routine] = levelsJson.String("routine"),
            });
        levelsJson.RejectUnknownFields();
        summaryJson.RejectUnknownFields();

        var freeJson = root.Object("freeText");
        var freeText = new FreeTextTexts(freeJson.String("noticed"), freeJson.String("offerCheck"), freeJson.String("menuButton"), freeJson.String("afterOutcome"));
        freeJson.RejectUnknownFields();

        root.RejectUnknownFields();
        return new TriageScript(review, intro, screen, onset, questions, outcomes, summary, freeText);
    }

    public static RedFlagVocabulary LoadVocabulary(string dialogsDirectory)
    {
        var root = Open(dialogsDirectory, VocabularyFile);
        var review = ReadReview(root);
        var negations = root.Strings("negations");
        var breaks = root.Strings("clauseBreaks");
        var hypotheticals = root.Strings("hypotheticals");

        var concepts = new List<Concept>();
        foreach (var item in root.Objects("concepts"))
        {
            var id = item.String("id");
            if (concepts.Any(c => c.Id == id))
            {
                throw item.Error(item.FieldPath("id"), $"the concept '{id}' is defined twice.");
            }

            concepts.Add(new Concept(id, item.Strings("phrases")));
            item.RejectUnknownFields();
        }

        var known = concepts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var rules = new List<RedFlagRule>();
        foreach (var item in root.Objects("rules"))
        {
            var id = item.String("id");
            if (rules.Any(r => r.Id == id))
            {
                throw item.Error(item.FieldPath("id"), $"the rule id '{id}' is used twice.");
            }

            var level = ReadLevel(item, "level");
            var all = ReadConceptList(item, "all", known, minCount: 1);
            var any = ReadConceptList(item, "any", known, minCount: 0);
            rules.Add(new RedFlagRule(id, level, all, any, item.String("describes")));
            item.RejectUnknownFields();
        }

        var ruleIds = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var clarify = new List<ClarifyQuestion>();
        foreach (var item in root.Objects("clarify", minCount: 0))
        {
            var ruleOnYes = item.String("ruleIdOnYes");
            if (!ruleIds.Contains(ruleOnYes))
            {
                throw item.Error(item.FieldPath("ruleIdOnYes"), $"refers to rule '{ruleOnYes}', which does not exist.");
            }

            clarify.Add(new ClarifyQuestion(
                item.String("id"),
                ReadConceptList(item, "when", known, minCount: 1),
                ReadConceptList(item, "unless", known, minCount: 0),
                item.String("prompt"),
                ruleOnYes,
                ReadLevel(item, "levelOnYes")));
            item.RejectUnknownFields();
        }

        root.RejectUnknownFields();
        return new RedFlagVocabulary(review, negations, breaks, hypotheticals, concepts, rules, clarify);
    }

    private static StrictJson Open(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        var label = "dialogs/" + fileName;
        if (!File.Exists(path))
        {
            throw new ContentValidationException(label, "$", $"the file is missing (looked for {path}).");
        }

        var root = StrictJson.Parse(label, File.ReadAllText(path));
        root.Ignore("$schema");
        return root;
    }

    private static Review ReadReview(StrictJson root)
    {
        var reviewedOn = root.String("reviewedOn");
        if (!DateOnly.TryParseExact(reviewedOn, "yyyy-MM-dd", out _))
        {
            throw root.Error(root.FieldPath("reviewedOn"), "must be a date written as YYYY-MM-DD.");
        }

        return new Review(root.String("version"), root.String("reviewedBy"), reviewedOn);
    }

    private static List<TriageQuestion> ReadQuestions(StrictJson root, string name)
    {
        var questions = new List<TriageQuestion>();
        foreach (var item in root.Objects(name))
        {
            questions.Add(new TriageQuestion(item.String("id"), item.String("ruleId"), item.String("prompt"), item.String("summary")));
            item.RejectUnknownFields();
        }

        return questions;
    }

    private static CareLevel ReadLevel(StrictJson item, string name)
    {
        var text = item.String(name);
        return CareLevels.FromId(text) is { } level and not CareLevel.Routine
            ? level
            : throw item.Error(item.FieldPath(name), $"'{text}' is not a level; use \"emergency\" or \"urgent\".");
    }

    private static List<string> ReadConceptList(StrictJson item, string name, HashSet<string> known, int minCount)
    {
        var ids = item.Strings(name, minCount).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!known.Contains(ids[i]))
            {
                throw item.Error($"{item.FieldPath(name)}[{i}]", $"refers to concept '{ids[i]}', which is not defined in concepts.");
            }
        }

        return ids;
    }
}
