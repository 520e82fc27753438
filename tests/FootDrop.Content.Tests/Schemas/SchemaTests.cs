using NJsonSchema;

namespace FootDrop.Content.Tests.Schemas;

/// <summary>The JSON Schemas in dialogs/schemas accept the real content and reject broken content, as editors will show.</summary>
public sealed class SchemaTests
{
    [Theory]
    [InlineData("messages")]
    [InlineData("education")]
    [InlineData("exercises")]
    [InlineData("triage")]
    [InlineData("redflags")]
    [InlineData("context")]
    public async Task The_real_file_is_valid_against_its_schema(string name)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Dialogs, "schemas", name + ".schema.json"));

        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Dialogs, name + ".json")));

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("education", "\"title\": \"What causes it\",", "\"title\": \"What causes it\", \"colour\": \"red\",")]
    [InlineData("education", "\"title\": \"What causes it\",", "\"title\": \"\",")]
    [InlineData("exercises", "\"kind\": \"hold\", \"text\": \"Hold that stretch", "\"kind\": \"pause\", \"text\": \"Hold that stretch")]
    [InlineData("exercises", "\"reps\": 3,", "\"reps\": 0,")]
    [InlineData("redflags", "\"level\": \"urgent\"", "\"level\": \"maybe\"")]
    [InlineData("context", "\"category\": \"negated\"", "\"category\": \"doubtful\"")]
    [InlineData("messages", "\"reviewedOn\": \"2026-11-24\"", "\"reviewedOn\": \"24/11/2026\"")]
    public async Task A_broken_file_fails_its_schema(string name, string find, string replace)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Dialogs, "schemas", name + ".schema.json"));
        var original = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Dialogs, name + ".json"));
        Assert.Contains(find, original);

        var errors = schema.Validate(original.Replace(find, replace));

        Assert.NotEmpty(errors);
    }
}
