using FootDrop.Bot.Conversation;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.DialogLayer.Prompts;
using FootDrop.Content.Model;
using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Dialogs;

/// <summary>Explains one topic in one message of short paragraphs, then offers the related topics; each topic re-enters the dialog.</summary>
public sealed class LearnDialog : ComponentDialog
{
    private const string MenuChoice = "menu";
    private readonly ContentCatalog _content;
    private readonly Texts _texts;

    public LearnDialog(ContentCatalog content, Texts texts)
        : base(DialogIds.Learn)
    {
        _content = content;
        _texts = texts;
        AddDialog(new WaterfallDialog<NoState>("learn-steps", [PickTopicStepAsync, ExplainStepAsync, NextTopicStepAsync]));
        AddDialog(new ChoicePrompt(Prompting.ChoicePromptId));
    }

    private Task<DialogTurnResult> PickTopicStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        var sectionId = step.GetOptions<LearnOptions>()?.SectionId;
        if (sectionId is not null && _content.HasSection(sectionId))
        {
            return step.NextAsync(sectionId, cancellationToken);
        }

        var topics = _content.Sections.Select(s => new Choice(s.Id, s.Title, s.Phrases)).ToList();
        return step.PromptAsync(Prompting.ChoicePromptId, Prompting.OneShot(_texts[TextKeys.LearnPick], topics), cancellationToken);
    }

    private async Task<DialogTurnResult> ExplainStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        var sectionId = step.Result switch
        {
            string id => id,
            FoundChoice choice => choice.Value,
            _ => null,
        };
        if (sectionId is null)
        {
            return await step.EndDialogAsync(new Reroute(step.Context.Activity.Text ?? string.Empty), cancellationToken);
        }

        // One topic, one message: its paragraphs arrive together, and Teams' limit of a few messages a second per
        // conversation is never at stake.
        var section = _content.Section(sectionId);
        await step.Context.SendActivityAsync(MessageFactory.Text(_texts.FillParagraphs(section.Messages)), cancellationToken);

        var next = section.Next.Select(id => _content.Section(id)).Select(s => new Choice(s.Id, s.Title)).ToList();
        next.Add(new Choice(MenuChoice, _texts[TextKeys.ButtonMenu]));
        return await step.PromptAsync(Prompting.ChoicePromptId, Prompting.OneShot(_texts[TextKeys.LearnMore], next), cancellationToken);
    }

    private static async Task<DialogTurnResult> NextTopicStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        return step.Result switch
        {
            FoundChoice { Value: MenuChoice } => await step.EndDialogAsync(null, cancellationToken),
            FoundChoice topic => await step.ReplaceDialogAsync("learn-steps", new LearnOptions { SectionId = topic.Value }, cancellationToken),
            _ => await step.EndDialogAsync(new Reroute(step.Context.Activity.Text ?? string.Empty), cancellationToken),
        };
    }
}

public sealed class LearnOptions
{
    public string? SectionId { get; set; }
}
