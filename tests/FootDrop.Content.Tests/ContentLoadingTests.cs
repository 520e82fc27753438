using FootDrop.Content.Loading;
using FootDrop.Content.Model;
using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests;

/// <summary>The real dialogs/ files load; a broken copy is rejected with the file and the JSON path of the mistake.</summary>
public sealed class ContentLoadingTests
{
    /// <summary>What the bot requires; kept here so the content tests stand on their own.</summary>
    internal static readonly ContentRequirements Requirements = new(
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Dialogs, "messages.json"))).RootElement.GetProperty("texts").EnumerateObject().Select(p => p.Name).ToHashSet(),
        new HashSet<string> { "emergencyNumber", "title", "purpose", "targets", "n", "count", "text", "rep", "reps", "set", "sets", "seconds", "min", "max", "pain", "streak", "sessions", "date", "exercises" });

    [Fact]
    public void The_real_content_loads_and_carries_its_review_fields()
    {
        var content = ContentLoader.LoadFromDirectory(RepoPaths.Dialogs, Requirements);

        Assert.Equal(["education.json", "exercises.json", "messages.json"], content.Reviews.Keys.Order().ToList());
        Assert.All(content.Reviews.Values, r => Assert.False(string.IsNullOrWhiteSpace(r.ReviewedBy)));
    }

    [Fact]
    public void The_real_triage_files_load()
    {
        var vocabulary = TriageLoader.LoadVocabulary(RepoPaths.Dialogs);
        var script = TriageLoader.LoadScript(RepoPaths.Dialogs, vocabulary);

        Assert.Equal(2, script.EmergencyScreen.Count);
        Assert.NotEmpty(vocabulary.Rules);
    }

    [Theory]
    [InlineData("education.json", "\"title\": \"What causes it\",", "", "dialogs/education.json", "$.sections[1].title", "is missing")]
    [InlineData("education.json", "\"title\": \"What causes it\",", "\"title\": \"What causes it\", \"colour\": \"red\",", "dialogs/education.json", "$.sections[1].colour", "not a known field")]
    [InlineData("education.json", "\"title\": \"What causes it\",", "\"title\": \"  \",", "dialogs/education.json", "$.sections[1].title", "must not be empty")]
    [InlineData("education.json", "\"next\": [\"causes\", \"temporary-or-permanent\", \"how-exercises-help\"]", "\"next\": [\"causes\", \"no-such-section\", \"how-exercises-help\"]", "dialogs/education.json", "$.sections[0].next[1]", "does not exist")]
    [InlineData("exercises.json", "\"reps\": 3,", "\"reps\": \"three\",", "dialogs/exercises.json", "$.exercises[0].reps", "expected a number")]
    [InlineData("exercises.json", "\"kind\": \"hold\", \"text\": \"Hold that stretch", "\"kind\": \"pause\", \"text\": \"Hold that stretch", "dialogs/exercises.json", "$.exercises[0].repetition[1].kind", "not a step kind")]
    [InlineData("exercises.json", "Step your {leg} back", "Step your {limb} back", "dialogs/exercises.json", "$.exercises[0].setup[1].text", "{limb}")]
    [InlineData("messages.json", "\"help\":", "\"halp\":", "dialogs/messages.json", "$.texts.halp", "not a text the bot uses")]
    [InlineData("triage.json", "\"intro\":", "\"introduction\":", "dialogs/triage.json", "$.intro", "is missing")]
    public void A_broken_copy_is_rejected_naming_the_file_and_the_path(string file, string find, string replace, string expectedFile, string expectedPath, string expectedProblem)
    {
        var copy = RepoPaths.CopyOfDialogs();
        var path = Path.Combine(copy, file);
        var original = File.ReadAllText(path);
        Assert.Contains(find, original);
        File.WriteAllText(path, original.Replace(find, replace));

        var error = Assert.Throws<ContentValidationException>(() =>
        {
            ContentLoader.LoadFromDirectory(copy, Requirements);
            TriageLoader.LoadScript(copy);
            TriageLoader.LoadVocabulary(copy);
        });

        Assert.Equal(expectedFile, error.File);
        Assert.Equal(expectedPath, error.JsonPath);
        Assert.Contains(expectedProblem, error.Message);
    }

    [Fact]
    public void A_text_the_bot_needs_but_the_file_lacks_is_named()
    {
        var requirements = Requirements with { TextKeys = Requirements.TextKeys.Append("brand.new").ToHashSet() };

        var error = Assert.Throws<ContentValidationException>(() => ContentLoader.LoadFromDirectory(RepoPaths.Dialogs, requirements));

        Assert.Equal("$.texts.brand.new", error.JsonPath);
    }

    [Fact]
    public void A_section_the_bot_opens_by_id_but_the_file_lacks_is_named()
    {
        var requirements = Requirements with { SectionIds = new HashSet<string> { "warning-signs", "brand-new" } };

        var error = Assert.Throws<ContentValidationException>(() => ContentLoader.LoadFromDirectory(RepoPaths.Dialogs, requirements));

        Assert.Equal(("dialogs/education.json", "$.sections"), (error.File, error.JsonPath));
        Assert.Contains("'brand-new'", error.Message);
    }

    [Fact]
    public void The_sections_the_bot_opens_by_id_are_there()
        => ContentLoader.LoadFromDirectory(RepoPaths.Dialogs, Requirements with { SectionIds = new HashSet<string> { "warning-signs" } });

    [Fact]
    public void A_file_that_is_not_json_is_rejected_with_its_name()
    {
        var copy = RepoPaths.CopyOfDialogs();
        File.WriteAllText(Path.Combine(copy, "exercises.json"), "{ not json");

        var error = Assert.Throws<ContentValidationException>(() => ContentLoader.LoadFromDirectory(copy, Requirements));

        Assert.Equal("dialogs/exercises.json", error.File);
    }
}
