using FootDrop.Bot.Conversation;
using FootDrop.Bot.DialogLayer;
using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Dialogs;

/// <summary>Prompt options the dialogs share, with every word from the content.</summary>
public static class Prompting
{
    public const string ChoicePromptId = "choice";
    public const string YesNoPromptId = "yes-no";

    public static PromptOptions YesNo(Texts texts, string promptKey, bool allowUnsure = false) => new()
    {
        Prompt = MessageFactory.Text(texts[promptKey]),
        RetryPrompt = MessageFactory.Text(texts[TextKeys.YesNoRetry]),
        Choices = allowUnsure
            ? [new Choice("yes", texts[TextKeys.ChoiceYes]), new Choice("no", texts[TextKeys.ChoiceNo]), new Choice("unsure", texts[TextKeys.ChoiceUnsure])]
            : [new Choice("yes", texts[TextKeys.ChoiceYes]), new Choice("no", texts[TextKeys.ChoiceNo])],
    };

    /// <summary>
    /// A one-shot choice: an answer that is none of the choices ends the prompt with null at once, so the dialog can
    /// hand the message to the root (<see cref="Reroute"/>) instead of asking again.
    /// </summary>
    public static PromptOptions OneShot(string prompt, List<Choice> choices) => new()
    {
        Prompt = MessageFactory.Text(prompt),
        Choices = choices,
        MaxAttempts = 1,
    };
}
