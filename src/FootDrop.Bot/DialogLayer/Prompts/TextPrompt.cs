using Microsoft.Bot.Schema;

namespace FootDrop.Bot.DialogLayer.Prompts;

/// <summary>Asks for free text (the official TextPrompt): any non-empty message is the answer.</summary>
public sealed class TextPrompt(string id) : Prompt<string>(id)
{
    protected override PromptRecognition<string> Recognize(Activity activity, PromptOptions options)
        => string.IsNullOrWhiteSpace(activity.Text)
            ? PromptRecognition<string>.Failed
            : PromptRecognition<string>.Success(activity.Text.Trim());
}
