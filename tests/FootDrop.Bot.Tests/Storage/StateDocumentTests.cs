using FootDrop.Bot.Conversation;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.Storage;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Storage;

/// <summary>The JSON documents the SQLite and PostgreSQL stores keep for bot state.</summary>
public sealed class StateDocumentTests
{
    [Fact]
    public void A_conversation_saved_with_type_names_on_every_dialog_is_read_back()
    {
        // As versions before the untyped stack saved a conversation in the middle of the exercise session's symptom check.
        const string saved = """
            {"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]], System.Private.CoreLib",
             "dialogs":{"$type":"FootDrop.Bot.DialogLayer.DialogState, FootDrop.Bot",
               "dialogStack":{"$type":"System.Collections.Generic.List`1[[FootDrop.Bot.DialogLayer.DialogInstance, FootDrop.Bot]], System.Private.CoreLib",
                 "$values":[{"$type":"FootDrop.Bot.DialogLayer.DialogInstance, FootDrop.Bot","id":"exercises",
                   "state":{"dialogs":{"dialogStack":[{"id":"exercise-session-steps","state":{"step":"SafetyCheckStepAsync"}}]}}}]}},
             "clarify":{"$type":"FootDrop.Bot.Conversation.PendingClarify, FootDrop.Bot","questionId":null,
               "asked":{"$type":"System.Collections.Generic.List`1[[System.String, System.Private.CoreLib]], System.Private.CoreLib","$values":["q1"]}}}
            """;

        var state = Assert.IsType<Dictionary<string, object>>(StateDocument.Deserialize(saved));

        var dialog = Assert.Single(Assert.IsType<DialogState>(state["dialogs"]).DialogStack);
        Assert.Equal("exercises", dialog.Id);
        Assert.Equal("exercise-session-steps", dialog.State.SelectToken("dialogs.dialogStack[0].id")?.Value<string>());
        // The earlier once-per-conversation list of asked questions is ignored: questions are now asked once a day.
        Assert.Null(Assert.IsType<PendingClarify>(state["clarify"]).QuestionId);
    }

    [Fact]
    public void The_dialog_stack_is_stored_without_a_type_name_below_its_root()
    {
        var stack = new DialogState
        {
            DialogStack =
            [
                new DialogInstance
                {
                    Id = "exercises",
                    Inner = new DialogState { DialogStack = [new DialogInstance { Id = "yes-no", State = new JObject { ["attempts"] = 0 } }] },
                },
            ],
        };

        var document = JObject.Parse(StateDocument.Serialize(new Dictionary<string, object> { ["dialogs"] = stack }));
        var read = (DialogState)((Dictionary<string, object>)StateDocument.Deserialize(document.ToString()))["dialogs"];

        Assert.Equal(["$type"], ((JObject)document["dialogs"]!).Descendants().OfType<JProperty>().Select(p => p.Name).Where(n => n.StartsWith('$')));
        Assert.Equal("yes-no", Assert.Single(Assert.Single(read.DialogStack).Inner!.DialogStack).Id);
    }
}
