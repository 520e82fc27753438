using FootDrop.Bot.Conversation;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.DialogLayer.Prompts;
using FootDrop.Content.Model;

namespace FootDrop.Bot.Dialogs;

/// <summary>The main menu: learn, exercises, check my symptoms, progress, help, delete my data.</summary>
public sealed class MenuDialog : ComponentDialog
{
    private readonly ContentCatalog _content;
    private readonly Texts _texts;

    public MenuDialog(ContentCatalog content, Texts texts)
        : base(DialogIds.Menu)
    {
        _content = content;
        _texts = texts;
        AddDialog(new WaterfallDialog<NoState>("menu-steps", [ShowMenuStepAsync, HandOffStepAsync]));
        AddDialog(new ChoicePrompt(Prompting.ChoicePromptId));
    }

    public List<Choice> Choices() => Choices(_content);

    /// <summary>The menu option a message names, if any ("exercises", "2", "check my symptoms").</summary>
    public static string? Recognize(ContentCatalog content, string? text, bool allowPartial)
        => ChoicePrompt.RecognizeText(text, Choices(content), allowPartial)?.Value;

    private static List<Choice> Choices(ContentCatalog content) => content.Menu.Select(o => new Choice(o.Id, o.Title, o.Synonyms)).ToList();

    private Task<DialogTurnResult> ShowMenuStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<MenuOptions>();
        var promptKey = options?.PromptKey ?? TextKeys.MenuPrompt;
        return step.PromptAsync(Prompting.ChoicePromptId, Prompting.OneShot(_texts[promptKey], [.. options?.Extra ?? [], .. Choices()]), cancellationToken);
    }

    /// <summary>Whatever was picked or typed is routed by the root, which knows every destination.</summary>
    private static Task<DialogTurnResult> HandOffStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
        => step.EndDialogAsync(new Reroute(step.Result is FoundChoice choice ? choice.Value : step.Context.Activity.Text ?? string.Empty), cancellationToken);
}

public sealed class MenuOptions
{
    public string? PromptKey { get; set; }

    /// <summary>Choices offered before the menu's own, for this showing only (the reminder offer after a session).</summary>
    public List<Choice>? Extra { get; set; }
}

/// <summary>For waterfalls that keep nothing between steps.</summary>
public sealed class NoState;
