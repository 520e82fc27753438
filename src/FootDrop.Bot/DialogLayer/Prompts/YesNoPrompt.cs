using FootDrop.Bot.Recognition;
using FootDrop.Content.Text;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.DialogLayer.Prompts;

/// <summary>
/// A yes/no question (the official ConfirmPrompt). The buttons come from the caller's choices, whose values are
/// "yes", "no" and optionally "unsure". A button press is taken as it is; typed answers are read with
/// <see cref="YesNoAnswers"/> before the button titles, so "no idea" is a doubt, not the "No" button.
/// </summary>
public sealed class YesNoPrompt(string id) : Prompt<YesNo>(id)
{
    protected override PromptRecognition<YesNo> Recognize(Activity activity, PromptOptions options)
    {
        var choices = options.Choices ?? [];
        var allowsUnsure = choices.Any(c => string.Equals(c.Value, nameof(YesNo.Unsure), StringComparison.OrdinalIgnoreCase));
        if (ChoicePrompt.CardSubmitValue(activity) is { } submitted && Enum.TryParse<YesNo>(submitted, ignoreCase: true, out var pressed))
        {
            return PromptRecognition<YesNo>.Success(pressed);
        }

        // Only the questions about the user's health offer "not sure"; their typed answers are read strictly.
        if (YesNoAnswers.Recognize(activity.Text, aboutSymptoms: allowsUnsure) is { } answer && (answer != YesNo.Unsure || allowsUnsure))
        {
            return PromptRecognition<YesNo>.Success(answer);
        }

        if (ChoicePrompt.RecognizeText(activity.Text, choices, allowPartial: false) is { } picked && Enum.TryParse<YesNo>(picked.Value, ignoreCase: true, out var fromChoice))
        {
            return PromptRecognition<YesNo>.Success(fromChoice);
        }

        return PromptRecognition<YesNo>.Failed;
    }
}
