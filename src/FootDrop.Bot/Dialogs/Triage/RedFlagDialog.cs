using FootDrop.Bot.Conversation;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.DialogLayer.Prompts;
using FootDrop.Content.Triage;
using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Dialogs.Triage;

/// <summary>
/// Handles a warning sign typed anywhere in the conversation: the outcome first, then the offer of the full symptom
/// check. (A mere hint of a sign is settled by one yes/no question in the root before this dialog is started.)
/// </summary>
public sealed class RedFlagDialog : ComponentDialog
{
    private readonly TriageScript _script;
    private readonly TriageOutcomes _outcomes;

    public RedFlagDialog(TriageScript script, TriageOutcomes outcomes)
        : base(DialogIds.RedFlag)
    {
        _script = script;
        _outcomes = outcomes;
        AddDialog(new WaterfallDialog<NoState>("red-flag-steps", [OutcomeStepAsync, AfterOutcomeStepAsync]));
        AddDialog(new ChoicePrompt(Prompting.ChoicePromptId));
    }

    private async Task<DialogTurnResult> OutcomeStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<RedFlagOptions>() ?? new RedFlagOptions { Level = CareLevel.Urgent };
        await step.Context.SendActivityAsync(MessageFactory.Text(options.AboutSomeoneElse ? _script.FreeText.NoticedOther : _script.FreeText.Noticed), cancellationToken);
        await _outcomes.SendAsync(step.Context, options.ToNotice(), cancellationToken);

        List<Choice> next = options.Level == CareLevel.Emergency
            ? [new Choice("menu", _script.FreeText.MenuButton)]
            : [new Choice("check", _script.FreeText.OfferCheck), new Choice("menu", _script.FreeText.MenuButton)];
        return await step.PromptAsync(Prompting.ChoicePromptId, Prompting.OneShot(_script.FreeText.AfterOutcome, next), cancellationToken);
    }

    private static Task<DialogTurnResult> AfterOutcomeStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
        => step.Result switch
        {
            FoundChoice { Value: "check" } => step.ReplaceDialogAsync(DialogIds.SymptomCheck, null, cancellationToken),
            FoundChoice => step.EndDialogAsync(null, cancellationToken),
            _ => step.EndDialogAsync(new Reroute(step.Context.Activity.Text ?? string.Empty), cancellationToken),
        };
}

/// <summary>The decision handed to <see cref="RedFlagDialog"/>; stored with the dialog, so it holds no message text.</summary>
public sealed class RedFlagOptions
{
    public CareLevel Level { get; set; }

    public List<string> RuleIds { get; set; } = [];

    public string Source { get; set; } = TriageSources.Rule;

    public bool AboutSomeoneElse { get; set; }

    public string? NearestExample { get; set; }

    public string? NearestRuleId { get; set; }

    public double? Score { get; set; }

    public static RedFlagOptions From(TriageNotice notice) => new()
    {
        Level = notice.Level,
        RuleIds = [.. notice.RuleIds],
        Source = notice.Source,
        AboutSomeoneElse = notice.AboutSomeoneElse,
        NearestExample = notice.Evidence?.Example,
        NearestRuleId = notice.Evidence?.RuleId,
        Score = notice.Evidence?.Score,
    };

    public TriageNotice ToNotice() => new(
        Level,
        RuleIds,
        Source,
        AboutSomeoneElse,
        NearestExample is null ? null : new SemanticEvidence(NearestRuleId ?? string.Empty, NearestExample, Score ?? 0, null, 0));
}
