using System.Globalization;
using FootDrop.Content.Text;
using FootDrop.Bot.Conversation;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.DialogLayer.Prompts;
using FootDrop.Bot.Recognition;
using FootDrop.Content.Triage;
using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Dialogs.Triage;

/// <summary>
/// "Check my symptoms": the emergency screen first (a yes ends it with the emergency outcome at once; a "not sure"
/// ends it after the screen with the urgent advice, which lists the emergency signs to watch for), then when and how
/// the weakness started (a start within the last weeks, or an unknown one, counts towards care), then the follow-up
/// questions, then one of three outcomes and the offer of a summary for a clinician.
/// </summary>
public sealed class SymptomCheckDialog : ComponentDialog
{
    private const string StepsId = "symptom-steps";
    private const string SummaryOfferId = "symptom-summary";
    private const string TextPromptId = "onset-text";
    private readonly TriageScript _script;
    private readonly TriageOutcomes _outcomes;
    private readonly Lazy<RedFlagDetector> _detector;
    private readonly Texts _texts;
    private readonly TimeProvider _time;

    public SymptomCheckDialog(TriageScript script, TriageOutcomes outcomes, Lazy<RedFlagDetector> detector, Texts texts, TimeProvider time)
        : base(DialogIds.SymptomCheck)
    {
        _script = script;
        _outcomes = outcomes;
        _detector = detector;
        _texts = texts;
        _time = time;
        AddDialog(new WaterfallDialog<NoState>(StepsId, [AskStepAsync, RecordStepAsync]));
        AddDialog(new WaterfallDialog<NoState>(SummaryOfferId, [OfferSummaryStepAsync, SummaryStepAsync]));
        AddDialog(new YesNoPrompt(Prompting.YesNoPromptId));
        AddDialog(new TextPrompt(TextPromptId));
        AddDialog(new ChoicePrompt(Prompting.ChoicePromptId));
    }

    private async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        var progress = step.GetOptions<SymptomCheckProgress>() ?? new SymptomCheckProgress();
        if (progress.IsStart)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_script.Intro), cancellationToken);
        }

        switch (progress.Phase)
        {
            case SymptomPhase.Screen:
                return await AskYesNoAsync(step, _script.EmergencyScreen[progress.Index].Prompt, cancellationToken);
            case SymptomPhase.OnsetWhen:
                // A free answer ("this morning", "for about 3 weeks"), read for dates, durations and sudden-onset words.
                return await step.PromptAsync(TextPromptId, new PromptOptions { Prompt = MessageFactory.Text(_script.Onset.WhenPrompt) }, cancellationToken);
            case SymptomPhase.OnsetSudden:
                return await AskYesNoAsync(step, _script.Onset.SuddenPrompt, cancellationToken);
            default:
                return await AskYesNoAsync(step, _script.Questions[progress.Index].Prompt, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> RecordStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        var progress = step.GetOptions<SymptomCheckProgress>() ?? new SymptomCheckProgress();
        progress.IsStart = false;
        switch (progress.Phase)
        {
            case SymptomPhase.Screen:
                var answer = ToAnswer(step.Result);
                progress.Answers[_script.EmergencyScreen[progress.Index].Id] = answer;
                if (answer == TriageAnswer.Yes)
                {
                    // A sign of an emergency ends the check at once.
                    return await FinishAsync(step, progress, cancellationToken);
                }

                if (progress.Index + 1 < _script.EmergencyScreen.Count)
                {
                    // A "not sure" still asks the rest of the screen: a yes there is an emergency.
                    progress = progress.With(SymptomPhase.Screen, progress.Index + 1);
                }
                else if (progress.Answers.Values.Any(a => a == TriageAnswer.Unsure))
                {
                    return await FinishAsync(step, progress, cancellationToken);
                }
                else
                {
                    progress = progress.With(SymptomPhase.OnsetWhen, 0);
                }

                break;
            case SymptomPhase.OnsetWhen:
                ReadOnset(step.Result as string, progress);
                progress = progress.Sudden is null ? progress.With(SymptomPhase.OnsetSudden, 0) : progress.With(SymptomPhase.Questions, 0);
                break;
            case SymptomPhase.OnsetSudden:
                progress.Sudden = ToAnswer(step.Result);
                progress = progress.With(SymptomPhase.Questions, 0);
                break;
            default:
                progress.Answers[_script.Questions[progress.Index].Id] = ToAnswer(step.Result);
                if (progress.Index + 1 >= _script.Questions.Count)
                {
                    return await FinishAsync(step, progress, cancellationToken);
                }

                progress = progress.With(SymptomPhase.Questions, progress.Index + 1);
                break;
        }

        return await step.ReplaceDialogAsync(StepsId, progress, cancellationToken);
    }

    private async Task<DialogTurnResult> SummaryStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        if (step.Result is not FoundChoice choice)
        {
            return await step.EndDialogAsync(new Reroute(step.Context.Activity.Text ?? string.Empty), cancellationToken);
        }

        if (choice.Value == "summary")
        {
            var progress = step.GetOptions<SymptomCheckProgress>() ?? new SymptomCheckProgress();
            await step.Context.SendActivityAsync(MessageFactory.Text(Summary(progress)), cancellationToken);
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext<NoState> step, SymptomCheckProgress progress, CancellationToken cancellationToken)
    {
        var decision = TriageEvaluator.Evaluate(_script, progress.Answers, progress.Sudden, progress.OnsetAgeDays);
        progress.Level = decision.Level;
        progress.Phase = SymptomPhase.Done;
        await _outcomes.SendAsync(step.Context, new TriageNotice(decision.Level, decision.RuleIds, TriageSources.SymptomCheck), cancellationToken);
        if (!progress.OfferSummary)
        {
            return await step.EndDialogAsync(decision.Level, cancellationToken);
        }

        // The finished answers become this dialog's options, so the summary step can read them.
        return await step.ReplaceDialogAsync(SummaryOfferId, progress, cancellationToken);
    }

    protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        return base.OnBeginDialogAsync(innerDc, options ?? new SymptomCheckProgress(), cancellationToken);
    }

    private Task<DialogTurnResult> OfferSummaryStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
        => step.PromptAsync(
            Prompting.ChoicePromptId,
            Prompting.OneShot(_script.Summary.Offer, [new Choice("summary", _script.Summary.ShowButton), new Choice("menu", _script.Summary.MenuButton)]),
            cancellationToken);

    private Task<DialogTurnResult> AskYesNoAsync(WaterfallStepContext<NoState> step, string prompt, CancellationToken cancellationToken)
    {
        var options = Prompting.YesNo(_texts, TextKeys.YesNoRetry, allowUnsure: true);
        options.Prompt = MessageFactory.Text(_texts.Fill(prompt));
        return step.PromptAsync(Prompting.YesNoPromptId, options, cancellationToken);
    }

    /// <summary>Reads when and how it started; sudden and gradual words settle the "suddenly?" question without asking it.</summary>
    private void ReadOnset(string? answer, SymptomCheckProgress progress)
    {
        var onset = _detector.Value.ReadOnset(answer, _script.Onset.SuddenFinding, _script.Onset.GradualFinding);
        progress.Sudden = onset.Sudden switch
        {
            true => TriageAnswer.Yes,
            false => TriageAnswer.No,
            _ => progress.Sudden,
        };
        progress.OnsetAgeDays = onset.AgeDays;
    }

    private string Summary(SymptomCheckProgress progress)
    {
        var summary = _script.Summary;
        string Say(TriageAnswer? answer) => answer switch
        {
            TriageAnswer.Yes => summary.Yes,
            TriageAnswer.No => summary.No,
            _ => summary.Unsure,
        };

        var lines = new List<string> { _texts.Fill(summary.Heading, ("date", DateOnly.FromDateTime(_time.GetLocalNow().DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))) };
        lines.AddRange(_script.EmergencyScreen.Where(q => progress.Answers.ContainsKey(q.Id)).Select(q => $"- {q.Summary}: {Say(progress.Answers[q.Id])}"));
        // The onset is asked once the emergency screen is clear, and settled (in its own question or by the words of the
        // answer) before any other question: a check that stopped at the screen has no onset to show.
        if (progress.Sudden is not null)
        {
            var started = progress.OnsetAgeDays is { } age
                ? DateOnly.FromDateTime(_time.GetLocalNow().DateTime.AddDays(-age)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : _script.Onset.WhenUnknown;
            lines.Add($"- {_script.Onset.WhenSummary}: {started}");
            lines.Add($"- {_script.Onset.SuddenSummary}: {Say(progress.Sudden)}");
        }

        lines.AddRange(_script.Questions.Where(q => progress.Answers.ContainsKey(q.Id)).Select(q => $"- {q.Summary}: {Say(progress.Answers[q.Id])}"));
        lines.Add(_texts.Fill(summary.Result, ("level", summary.Levels[progress.Level])));
        return string.Join("\n", lines);
    }


    private static TriageAnswer ToAnswer(object? result) => result switch
    {
        YesNo.Yes => TriageAnswer.Yes,
        YesNo.No => TriageAnswer.No,
        _ => TriageAnswer.Unsure,
    };
}

public enum SymptomPhase
{
    Screen,
    OnsetWhen,
    OnsetSudden,
    Questions,
    Done,
}

/// <summary>The answers so far; passed from one question to the next as the waterfall's options.</summary>
public sealed class SymptomCheckProgress
{
    public bool IsStart { get; set; } = true;

    /// <summary>False when the check runs before a first exercise session, which carries on after a routine outcome.</summary>
    public bool OfferSummary { get; set; } = true;

    public SymptomPhase Phase { get; set; }

    public int Index { get; set; }

    public Dictionary<string, TriageAnswer> Answers { get; set; } = [];

    public TriageAnswer? Sudden { get; set; }

    /// <summary>How many days before the check the weakness started, as read from the answer; null when unknown.</summary>
    public double? OnsetAgeDays { get; set; }

    public CareLevel Level { get; set; }

    public SymptomCheckProgress With(SymptomPhase phase, int index)
    {
        Phase = phase;
        Index = index;
        return this;
    }
}
