using FootDrop.Content.Model;

namespace FootDrop.Content.Loading;

/// <summary>Loads and validates messages.json, education.json and exercises.json from the dialogs folder.</summary>
public static class ContentLoader
{
    public const string MessagesFile = "messages.json";
    public const string EducationFile = "education.json";
    public const string ExercisesFile = "exercises.json";

    public static ContentCatalog LoadFromDirectory(string dialogsDirectory, ContentRequirements requirements)
    {
        var reviews = new Dictionary<string, Review>(StringComparer.Ordinal);

        var messages = Open(dialogsDirectory, MessagesFile);
        reviews[MessagesFile] = ReadReview(messages);
        var texts = ReadTexts(messages.Object("texts"), requirements);
        var menu = ReadMenu(messages);
        var greetings = messages.OptionalStrings("greetings");
        messages.RejectUnknownFields();

        var education = Open(dialogsDirectory, EducationFile);
        reviews[EducationFile] = ReadReview(education);
        var sections = ReadSections(education, requirements);
        education.RejectUnknownFields();

        var exercisesFile = Open(dialogsDirectory, ExercisesFile);
        reviews[ExercisesFile] = ReadReview(exercisesFile);
        var exercises = ReadExercises(exercisesFile);
        var session = ReadSession(exercisesFile, exercises);
        exercisesFile.RejectUnknownFields();

        return new ContentCatalog(new TextCatalog(texts), menu, sections, exercises, session, reviews, greetings);
    }

    private static StrictJson Open(string directory, string fileName)
    {
        var path = System.IO.Path.Combine(directory, fileName);
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
        => new(root.String("version"), root.String("reviewedBy"), ReadDate(root, "reviewedOn"));

    private static string ReadDate(StrictJson root, string name)
    {
        var value = root.String(name);
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", out _))
        {
            throw root.Error(root.FieldPath(name), "must be a date written as YYYY-MM-DD.");
        }

        return value;
    }

    private static Dictionary<string, string> ReadTexts(StrictJson textsObject, ContentRequirements requirements)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in textsObject.Properties())
        {
            var path = textsObject.FieldPath(key);
            if (!requirements.TextKeys.Contains(key))
            {
                throw textsObject.Error(path, "is not a text the bot uses (check its spelling, or remove it).");
            }

            if (value.ValueKind != System.Text.Json.JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                throw textsObject.Error(path, "must be non-empty text.");
            }

            var text = value.GetString()!;
            CheckPlaceholders(textsObject, path, text, requirements.Placeholders);
            texts[key] = text;
        }

        foreach (var key in requirements.TextKeys.Order(StringComparer.Ordinal))
        {
            if (!texts.ContainsKey(key))
            {
                throw textsObject.Error(textsObject.FieldPath(key), "is missing: the bot needs this text.");
            }
        }

        return texts;
    }

    private static List<MenuOption> ReadMenu(StrictJson root)
    {
        var options = new List<MenuOption>();
        foreach (var item in root.Objects("menu"))
        {
            var option = new MenuOption(item.String("id"), item.String("title"), item.Strings("synonyms"));
            item.RejectUnknownFields();
            if (options.Any(o => o.Id == option.Id))
            {
                throw item.Error(item.FieldPath("id"), $"'{option.Id}' is used twice.");
            }

            options.Add(option);
        }

        return options;
    }

    private static List<Section> ReadSections(StrictJson root, ContentRequirements requirements)
    {
        var items = root.Objects("sections");
        var sections = new List<Section>();
        foreach (var item in items)
        {
            var id = item.String("id");
            if (sections.Any(s => s.Id == id))
            {
                throw item.Error(item.FieldPath("id"), $"'{id}' is used twice.");
            }

            var messages = item.Strings("messages");
            for (var i = 0; i < messages.Count; i++)
            {
                CheckPlaceholders(item, $"{item.FieldPath("messages")}[{i}]", messages[i], requirements.Placeholders);
            }

            sections.Add(new Section(id, item.String("title"), item.Strings("phrases"), messages, item.Strings("next", minCount: 0)));
            item.RejectUnknownFields();
        }

        // References are checked once every id is known, so a section may point forward.
        for (var s = 0; s < sections.Count; s++)
        {
            for (var n = 0; n < sections[s].Next.Count; n++)
            {
                var target = sections[s].Next[n];
                if (!sections.Any(x => x.Id == target))
                {
                    throw root.Error($"$.sections[{s}].next[{n}]", $"refers to section '{target}', which does not exist.");
                }
            }
        }

        foreach (var required in (requirements.SectionIds ?? new HashSet<string>()).Order(StringComparer.Ordinal))
        {
            if (!sections.Any(s => s.Id == required))
            {
                throw root.Error("$.sections", $"has no section with id '{required}', which the bot opens by that id.");
            }
        }

        return sections;
    }

    private static List<Exercise> ReadExercises(StrictJson root)
    {
        var exercises = new List<Exercise>();
        foreach (var item in root.Objects("exercises"))
        {
            var id = item.String("id");
            if (exercises.Any(e => e.Id == id))
            {
                throw item.Error(item.FieldPath("id"), $"'{id}' is used twice.");
            }

            var hold = item.Object("hold");
            var holdTime = new HoldTime(hold.Int("minSeconds", 1, 600), hold.Int("maxSeconds", 1, 600));
            if (holdTime.MaxSeconds < holdTime.MinSeconds)
            {
                throw hold.Error(hold.FieldPath("maxSeconds"), "must not be less than minSeconds.");
            }

            hold.RejectUnknownFields();

            var sets = item.NullableObject("sets");
            int? targetSets = null;
            if (sets is not null)
            {
                targetSets = sets.Int("target", 1, 20);
                sets.RejectUnknownFields();
            }

            var repetition = ReadSteps(item, "repetition");
            if (!repetition.Any(s => s.Kind == StepKind.Hold))
            {
                throw item.Error(item.FieldPath("repetition"), "needs one step of kind \"hold\".");
            }

            exercises.Add(new Exercise(
                id,
                item.String("title"),
                item.String("purpose"),
                item.String("targets"),
                item.Strings("phrases"),
                ReadSteps(item, "setup"),
                repetition,
                holdTime,
                item.Int("reps", 1, 100),
                targetSets));
            item.RejectUnknownFields();
        }

        return exercises;
    }

    private static List<ExerciseStep> ReadSteps(StrictJson exercise, string name)
    {
        var steps = new List<ExerciseStep>();
        foreach (var step in exercise.Objects(name))
        {
            var kindText = step.String("kind");
            var kind = kindText switch
            {
                "instruction" => StepKind.Instruction,
                "hold" => StepKind.Hold,
                _ => throw step.Error(step.FieldPath("kind"), $"'{kindText}' is not a step kind; use \"instruction\" or \"hold\"."),
            };
            var text = step.String("text");
            CheckPlaceholders(step, step.FieldPath("text"), text, ContentRequirements.StepPlaceholders);
            steps.Add(new ExerciseStep(kind, text));
            step.RejectUnknownFields();
        }

        return steps;
    }

    private static List<string> ReadSession(StrictJson root, List<Exercise> exercises)
    {
        var session = root.Strings("session").ToList();
        for (var i = 0; i < session.Count; i++)
        {
            if (!exercises.Any(e => e.Id == session[i]))
            {
                throw root.Error($"$.session[{i}]", $"refers to exercise '{session[i]}', which does not exist.");
            }
        }

        return session;
    }

    private static void CheckPlaceholders(StrictJson where, string path, string text, IReadOnlySet<string> known)
    {
        foreach (var name in TextCatalog.Placeholders(text))
        {
            if (!known.Contains(name))
            {
                throw where.Error(path, $"uses the placeholder {{{name}}}, which the bot does not fill.");
            }
        }
    }
}
