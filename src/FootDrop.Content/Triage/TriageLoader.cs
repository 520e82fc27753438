using FootDrop.Content.Loading;
using FootDrop.Content.Model;
using FootDrop.Content.Text;
using FootDrop.Content.Triage.Matching;
using FootDrop.Content.Triage.Reading;

namespace FootDrop.Content.Triage;

/// <summary>Loads and validates triage.json (the symptom check) and redflags.json (the red-flag vocabulary and rules).</summary>
public static class TriageLoader
{
    public const string ScriptFile = "triage.json";
    public const string VocabularyFile = "redflags.json";
    public const string ContextFile = "context.json";

    public static TriageScript LoadScript(string dialogsDirectory)
    {
        var root = Open(dialogsDirectory, ScriptFile);
        var review = ReadReview(root);
        var intro = root.String("intro");
        var screen = ReadQuestions(root, "emergencyScreen");
        var screenUnsure = root.String("screenUnsureRuleId");
        var onsetJson = root.Object("onset");
        var onset = new OnsetQuestions(
            onsetJson.String("whenPrompt"),
            onsetJson.String("suddenPrompt"),
            onsetJson.String("suddenRuleId"),
            onsetJson.String("suddenFinding"),
            onsetJson.String("gradualFinding"),
            onsetJson.Int("recentDays", 1, 365),
            onsetJson.String("recentRuleId"),
            onsetJson.String("unknownRuleId"),
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

        var outcomes = ReadOutcomes(root, "outcomes");
        var outcomesForSomeoneElse = ReadOutcomes(root, "outcomesForSomeoneElse");

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
        var freeText = new FreeTextTexts(
            freeJson.String("noticed"),
            freeJson.String("noticedOther"),
            freeJson.String("offerCheck"),
            freeJson.String("menuButton"),
            freeJson.String("afterOutcome"),
            freeJson.String("symptomNote"),
            freeJson.String("onlyEnglish"),
            freeJson.String("noWords"));
        freeJson.RejectUnknownFields();

        root.RejectUnknownFields();
        return new TriageScript(review, intro, screen, screenUnsure, onset, questions, outcomes, outcomesForSomeoneElse, summary, freeText);
    }

    private static Dictionary<CareLevel, IReadOnlyList<string>> ReadOutcomes(StrictJson root, string name)
    {
        var json = root.Object(name);
        var outcomes = new Dictionary<CareLevel, IReadOnlyList<string>>
        {
            [CareLevel.Emergency] = json.Strings("emergency"),
            [CareLevel.Urgent] = json.Strings("urgent"),
            [CareLevel.Routine] = json.Strings("routine"),
        };
        json.RejectUnknownFields();
        return outcomes;
    }

    /// <summary>
    /// Loads the symptom check and checks what it names in the red-flag vocabulary: the onset findings must exist
    /// there, so a renamed finding stops the start instead of silently reading every onset as unknown.
    /// </summary>
    public static TriageScript LoadScript(string dialogsDirectory, RedFlagVocabulary vocabulary)
    {
        var script = LoadScript(dialogsDirectory);
        foreach (var (field, id) in new[] { ("suddenFinding", script.Onset.SuddenFinding), ("gradualFinding", script.Onset.GradualFinding) })
        {
            if (!vocabulary.Findings.Any(f => f.Id == id))
            {
                throw new ContentValidationException("dialogs/" + ScriptFile, $"$.onset.{field}", $"refers to finding '{id}', which is not defined in dialogs/{VocabularyFile}.");
            }
        }

        return script;
    }

    public static RedFlagVocabulary LoadVocabulary(string dialogsDirectory)
    {
        var context = LoadContext(dialogsDirectory);
        var root = Open(dialogsDirectory, VocabularyFile);
        var review = ReadReview(root);

        var setsJson = root.Object("wordSets");
        var wordSets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, _) in setsJson.Properties().ToList())
        {
            wordSets[name] = setsJson.Strings(name);
        }

        if (CompiledVocabulary.FindSetCycle(wordSets) is { } cycle)
        {
            throw root.Error($"$.wordSets.{cycle}", "reaches itself through other word sets; a set cannot contain itself.");
        }

        var findings = new List<Finding>();
        foreach (var item in root.Objects("findings"))
        {
            var id = item.String("id");
            if (findings.Any(f => f.Id == id) || id is MessageReading.WhenHours or MessageReading.WhenRecent or MessageReading.WhenLongAgo)
            {
                throw item.Error(item.FieldPath("id"), $"the finding '{id}' is defined twice (or is one of the times the bot reads itself).");
            }

            var near = new List<NearPattern>();
            foreach (var pair in item.OptionalObjects("near"))
            {
                near.Add(new NearPattern(pair.String("sign"), pair.String("where"), pair.Int("within", 1, 12)));
                pair.RejectUnknownFields();
            }

            var phrases = item.Strings("phrases", minCount: 0);
            if (phrases.Count == 0 && near.Count == 0)
            {
                throw item.Error(item.FieldPath("phrases"), "a finding needs at least one phrase or near pattern.");
            }

            findings.Add(new Finding(id, item.String("describes"), phrases, near, item.OptionalStrings("except"), ReadTiming(item)));
            item.RejectUnknownFields();
        }

        // Every pattern must compile: an unknown word set or a malformed pattern stops the start here.
        var patternProblem = default((string Path, string Problem)?);
        var compiled = CompiledVocabulary.Compile(wordSets, findings, context, (path, problem) => patternProblem ??= (path, problem));
        if (patternProblem is { } found)
        {
            throw found.Path.StartsWith("$.modifiers", StringComparison.Ordinal) || found.Path.StartsWith("$.people", StringComparison.Ordinal) || found.Path.StartsWith("$.generalQuestions", StringComparison.Ordinal)
                ? new ContentValidationException("dialogs/" + ContextFile, found.Path, found.Problem)
                : root.Error(found.Path, found.Problem);
        }

        var known = findings.Select(f => f.Id).Concat([MessageReading.WhenHours, MessageReading.WhenRecent, MessageReading.WhenLongAgo]).ToHashSet(StringComparer.Ordinal);
        var rules = new List<RedFlagRule>();
        var allExamples = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in root.Objects("rules"))
        {
            var id = item.String("id");
            if (rules.Any(r => r.Id == id))
            {
                throw item.Error(item.FieldPath("id"), $"the rule id '{id}' is used twice.");
            }

            var examples = ReadExamples(item, "examples", allExamples, minCount: 1);
            var nearMisses = ReadExamples(item, "nearMisses", allExamples, minCount: 0);
            rules.Add(new RedFlagRule(
                id,
                ReadLevel(item, "level", allowClarify: true),
                ReadArea(item, "area"),
                item.String("describes"),
                ReadFindingGroups(item, "all", known),
                ReadFindingList(item, "unless", known, minCount: 0),
                item.OptionalInt("within", 1, 60),
                examples,
                nearMisses));
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

            var area = ReadArea(item, "area");
            clarify.Add(new ClarifyQuestion(
                item.String("id"),
                area,
                ReadFindingList(item, "when", known, minCount: area == SignArea.AnyEmergency ? 0 : 1),
                item.String("prompt"),
                ruleOnYes,
                ReadLevel(item, "levelOnYes")));
            item.RejectUnknownFields();
        }

        if (clarify.Count(q => q.Area == SignArea.AnyEmergency) > 1)
        {
            throw root.Error("$.clarify", "only one question may have the area \"any-emergency\".");
        }

        var notes = new List<AnswerNote>();
        foreach (var item in root.Objects("notes", minCount: 0))
        {
            var id = item.String("id");
            if (notes.Any(n => n.Id == id))
            {
                throw item.Error(item.FieldPath("id"), $"the note id '{id}' is used twice.");
            }

            notes.Add(new AnswerNote(
                id,
                item.String("describes"),
                ReadFindingGroups(item, "all", known),
                item.OptionalInt("within", 1, 60),
                item.OptionalBool("insteadOfLegQuestion"),
                item.String("text")));
            item.RejectUnknownFields();
        }

        var semanticJson = root.Object("semantic");
        var semantic = new SemanticSettings(
            semanticJson.Double("decideAt", 0, 1),
            semanticJson.Double("clarifyAt", 0, 1),
            semanticJson.Double("margin", 0, 1),
            semanticJson.Double("emergencyHintAt", 0, 1));
        if (semantic.ClarifyAt > semantic.DecideAt)
        {
            throw semanticJson.Error(semanticJson.FieldPath("clarifyAt"), "must not be above decideAt.");
        }

        semanticJson.RejectUnknownFields();
        root.RejectUnknownFields();
        return new RedFlagVocabulary(review, wordSets, findings, rules, clarify, semantic, context, notes) { Compiled = compiled };
    }

    /// <summary>Loads dialogs/context.json, the ConText modifiers and who-is-it words.</summary>
    public static ContextVocabulary LoadContext(string dialogsDirectory)
    {
        var root = Open(dialogsDirectory, ContextFile);
        var review = ReadReview(root);
        var modifiers = new List<ContextRule>();
        foreach (var item in root.Objects("modifiers"))
        {
            var categoryText = item.String("category");
            var category = categoryText switch
            {
                "negated" => ContextCategory.Negated,
                "historical" => ContextCategory.Historical,
                "hypothetical" => ContextCategory.Hypothetical,
                "resolved" => ContextCategory.Resolved,
                "terminate" => ContextCategory.Terminate,
                "pseudo" => ContextCategory.Pseudo,
                _ => throw item.Error(item.FieldPath("category"), $"'{categoryText}' is not a category; use negated, historical, resolved, hypothetical, terminate or pseudo."),
            };
            var directionText = item.String("direction");
            var direction = directionText switch
            {
                "forward" => ContextDirection.Forward,
                "backward" => ContextDirection.Backward,
                "both" => ContextDirection.Both,
                _ => throw item.Error(item.FieldPath("direction"), $"'{directionText}' is not a direction; use forward, backward or both."),
            };
            modifiers.Add(new ContextRule(category, direction, item.Int("maxScope", 0, 50), item.Strings("phrases")));
            item.RejectUnknownFields();
        }

        var questions = root.Object("generalQuestions");
        var starts = questions.Strings("starts");
        var questionPhrases = questions.Strings("phrases");
        questions.RejectUnknownFields();

        var people = root.Object("people");
        var self = people.Strings("self");
        var others = people.Strings("others");
        people.RejectUnknownFields();

        var denials = root.Strings("answersDenyingWhatWasAsked");
        var onset = root.Object("onset");
        var recentDays = onset.Int("recentDays", 1, 365);
        var longStandingDays = onset.Int("longStandingDays", 1, 3650);
        if (longStandingDays <= recentDays)
        {
            throw onset.Error(onset.FieldPath("longStandingDays"), "must be more than recentDays.");
        }

        onset.RejectUnknownFields();
        root.RejectUnknownFields();
        return new ContextVocabulary(review, modifiers, starts, questionPhrases, self, others, denials, recentDays, longStandingDays);
    }

    /// <summary>Example sentences must be unique across the whole file: one sentence teaching two rules is a mistake.</summary>
    private static IReadOnlyList<string> ReadExamples(StrictJson item, string name, Dictionary<string, string> seen, int minCount)
    {
        var examples = minCount == 0 ? item.OptionalStrings(name) : item.Strings(name, minCount);
        for (var i = 0; i < examples.Count; i++)
        {
            var key = TextNormalizer.Canonical(examples[i]);
            var path = $"{item.FieldPath(name)}[{i}]";
            if (key.Length == 0)
            {
                throw item.Error(path, "has no words.");
            }

            if (!seen.TryAdd(key, path))
            {
                throw item.Error(path, $"repeats the example at {seen[key]}.");
            }
        }

        return examples;
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

    /// <summary>"emergency" or "urgent"; a rule may also be "clarify": it decides nothing, it asks its area's question.</summary>
    private static CareLevel ReadLevel(StrictJson item, string name, bool allowClarify = false)
    {
        var text = item.String(name);
        if (allowClarify && text == "clarify")
        {
            return CareLevel.None;
        }

        return CareLevels.FromId(text) is { } level and not CareLevel.Routine
            ? level
            : throw item.Error(item.FieldPath(name), allowClarify
                ? $"'{text}' is not a level; use \"emergency\", \"urgent\" or \"clarify\"."
                : $"'{text}' is not a level; use \"emergency\" or \"urgent\".");
    }

    private static FindingTiming? ReadTiming(StrictJson item)
    {
        if (item.OptionalString("timing") is not { } text)
        {
            return null;
        }

        return text switch
        {
            "recent" => FindingTiming.Recent,
            "gradual" => FindingTiming.Gradual,
            "change" => FindingTiming.Change,
            _ => throw item.Error(item.FieldPath("timing"), $"'{text}' is not a timing; use \"recent\", \"gradual\" or \"change\"."),
        };
    }

    private static SignArea ReadArea(StrictJson item, string name)
    {
        var text = item.String(name);
        return SignAreas.FromId(text) ?? throw item.Error(item.FieldPath(name), $"'{text}' is not an area; use \"stroke\", \"cauda-equina\", \"any-emergency\" or \"leg\".");
    }

    /// <summary>"all": each entry a finding, or a list of findings of which one is enough.</summary>
    private static List<IReadOnlyList<string>> ReadFindingGroups(StrictJson item, string name, HashSet<string> known)
    {
        var groups = new List<IReadOnlyList<string>>();
        var entries = item.Array(name);
        for (var i = 0; i < entries.Count; i++)
        {
            var path = $"{item.FieldPath(name)}[{i}]";
            var ids = entries[i].ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => [entries[i].GetString()!],
                System.Text.Json.JsonValueKind.Array when entries[i].GetArrayLength() > 0 && entries[i].EnumerateArray().All(e => e.ValueKind == System.Text.Json.JsonValueKind.String)
                    => entries[i].EnumerateArray().Select(e => e.GetString()!).ToList(),
                _ => throw item.Error(path, "expected a finding id, or a list of finding ids of which one is enough."),
            };
            foreach (var id in ids)
            {
                if (!known.Contains(id))
                {
                    throw item.Error(path, $"refers to finding '{id}', which is not defined in findings.");
                }
            }

            groups.Add(ids);
        }

        return groups;
    }

    private static List<string> ReadFindingList(StrictJson item, string name, HashSet<string> known, int minCount)
    {
        var ids = (minCount == 0 ? item.OptionalStrings(name) : item.Strings(name, minCount)).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!known.Contains(ids[i]))
            {
                throw item.Error($"{item.FieldPath(name)}[{i}]", $"refers to finding '{ids[i]}', which is not defined in findings.");
            }
        }

        return ids;
    }
}
