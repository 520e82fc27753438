using FootDrop.Bot.Recognition;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.DialogLayer.Prompts;

/// <summary>Asks when something happened or how long it has lasted: "this morning", "2 days ago", "for about three weeks".</summary>
public sealed class DateTimePrompt(string id, TextRecognizers recognizers, TimeProvider time) : Prompt<IReadOnlyList<DateTimeMention>>(id)
{
    protected override PromptRecognition<IReadOnlyList<DateTimeMention>> Recognize(Activity activity, PromptOptions options)
    {
        var mentions = recognizers.RecognizeDateTimes(activity.Text, time.GetLocalNow().DateTime);
        return mentions.Count > 0
            ? PromptRecognition<IReadOnlyList<DateTimeMention>>.Success(mentions)
            : PromptRecognition<IReadOnlyList<DateTimeMention>>.Failed;
    }
}
