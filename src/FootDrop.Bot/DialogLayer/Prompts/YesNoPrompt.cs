using FootDrop.Bot.Recognition;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.DialogLayer.Prompts;

/// <summary>
/// A yes/no question (the official ConfirmPrompt). The buttons come from the caller's choices, whose values are
/// "yes", "no" and optionally "unsure"; typed answers are read with <see cref="YesNoWords"/>.
/// </summary>
public sealed class YesNoPrompt(string id) : Prompt<YesNo>(id)
{
    protected override PromptRecognition<YesNo> Recognize(Activity activity, PromptOptions options)
    {
        var choices = options.Choices ?? [];
        if (ChoicePrompt.RecognizeChoice(activity, choices) is { } picked && Enum.TryParse<YesNo>(picked.Value, ignoreCase: true, out var fromChoice))
        {
            return PromptRecognition<YesNo>.Success(fromChoice);
        }

        if (YesNoWords.Recognize(activity.Text) is { } answer
            && (answer != YesNo.Unsure || choices.Any(c => string.Equals(c.Value, nameof(YesNo.Unsure), StringComparison.OrdinalIgnoreCase))))
        {
            return PromptRecognition<YesNo>.Success(answer);
        }

        return PromptRecognition<YesNo>.Failed;
    }
}
