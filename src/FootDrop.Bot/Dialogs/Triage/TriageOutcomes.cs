using FootDrop.Bot.Conversation;
using FootDrop.Content.Triage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Dialogs.Triage;

/// <summary>
/// Says a triage outcome (action first), records it on the user's profile, and sends the <c>triage</c> trace activity
/// that Emulator's inspector shows and that tests and clinicians use to audit decisions.
/// </summary>
public sealed class TriageOutcomes(TriageScript script, Texts texts, BotStateAccessors state, TimeProvider time)
{
    public const string TraceName = "triage";
    public const string TraceValueType = "https://footdrop.bot/schemas/triage";

    public async Task SendAsync(ITurnContext turnContext, CareLevel level, IReadOnlyList<string> ruleIds, string source, CancellationToken cancellationToken)
    {
        // One message, action first: the advice arrives whole, as one thing to read and act on.
        await turnContext.SendActivityAsync(MessageFactory.Text(texts.FillParagraphs(script.Outcomes[level])), cancellationToken);

        var trace = turnContext.Activity.CreateTrace(
            TraceName,
            new JObject
            {
                ["level"] = level.ToId(),
                ["ruleIds"] = new JArray(ruleIds),
                ["source"] = source,
            },
            TraceValueType,
            "Triage decision");
        await turnContext.SendActivityAsync(trace, cancellationToken);

        var profile = await state.GetProfileAsync(turnContext, cancellationToken);
        profile.LastTriage = new TriageRecord { Level = level.ToId(), On = time.GetUtcNow() };
    }
}
