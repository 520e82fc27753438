using FootDrop.Bot.Conversation;
using FootDrop.Content.Text;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.DialogLayer.Prompts;
using FootDrop.Bot.Dialogs.Triage;
using FootDrop.Bot.Proactive;
using FootDrop.Bot.Recognition;
using FootDrop.Bot.Reminders;
using FootDrop.Content.Model;
using FootDrop.Content.Triage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Dialogs.Exercises;

/// <summary>
/// An exercise session: which exercise (or all four), which leg (asked once and remembered), a safety check before
/// starting, the walk itself, and the session recorded in the user's progress.
/// </summary>
public sealed class ExercisesDialog : ComponentDialog
{
    private const string AllFour = "all";
    private readonly ContentCatalog _content;
    private readonly Texts _texts;
    private readonly BotStateAccessors _state;
    private readonly TriageOutcomes _outcomes;
    private readonly TimeProvider _time;
    private readonly ReminderConversation _reminders;

    public ExercisesDialog(ContentCatalog content, Texts texts, BotStateAccessors state, TriageOutcomes outcomes, HoldTimers holds, TextRecognizers recognizers, IOptions<SafetyOptions> safety, TimeProvider time, ReminderConversation reminders)
        : base(DialogIds.Exercises)
    {
        _content = content;
        _texts = texts;
        _state = state;
        _outcomes = outcomes;
        _time = time;
        _reminders = reminders;
        AddDialog(new WaterfallDialog<ExerciseSessionState>("exercise-session-steps",
        [
            PickExerciseStepAsync,
            AskSideStepAsync,
            SafetyCheckStepAsync,
            ClinicianSeenStepAsync,
            QuickCheckStepAsync,
            WalkStepAsync,
            RecordStepAsync,
        ]));
        AddDialog(new ExerciseWalkDialog(content, texts, holds, recognizers, safety));
        AddDialog(new ChoicePrompt(Prompting.ChoicePromptId));
        AddDialog(new YesNoPrompt(Prompting.YesNoPromptId));
    }

    private Task<DialogTurnResult> PickExerciseStepAsync(WaterfallStepContext<ExerciseSessionState> step, CancellationToken cancellationToken)
    {
        var request = step.GetOptions<ExerciseRequest>();
        if (request?.ExerciseIds is { Count: > 0 } ids)
        {
            return step.NextAsync(ids, cancellationToken);
        }

        var choices = _content.Exercises.Select(e => new Choice(e.Id, e.Title, e.Phrases)).ToList();
        choices.Add(new Choice(AllFour, _texts[TextKeys.ExerciseSession], ["all", "all of them", "whole session", "session", "all four", "everything"]));
        return step.PromptAsync(Prompting.ChoicePromptId, Prompting.OneShot(_texts[TextKeys.ExercisePick], choices), cancellationToken);
    }

    private async Task<DialogTurnResult> AskSideStepAsync(WaterfallStepContext<ExerciseSessionState> step, CancellationToken cancellationToken)
    {
        step.State.ExerciseIds = step.Result switch
        {
            List<string> ids => ids,
            FoundChoice { Value: AllFour } => _content.Session.ToList(),
            FoundChoice choice => [choice.Value],
            _ => [],
        };
        if (step.State.ExerciseIds.Count == 0)
        {
            return await step.EndDialogAsync(new Reroute(step.Context.Activity.Text ?? string.Empty), cancellationToken);
        }

        var profile = await _state.GetProfileAsync(step.Context, cancellationToken);
        if (profile.Side is not null)
        {
            return await step.NextAsync(profile.Side, cancellationToken);
        }

        return await step.PromptAsync(Prompting.ChoicePromptId, new PromptOptions
        {
            Prompt = MessageFactory.Text(_texts[TextKeys.SidePrompt]),
            RetryPrompt = MessageFactory.Text(_texts[TextKeys.SideRetry]),
            Choices =
            [
                new Choice("left", _texts[TextKeys.SideLeft], ["left leg", "left foot", "my left"]),
                new Choice("right", _texts[TextKeys.SideRight], ["right leg", "right foot", "my right"]),
                new Choice("both", _texts[TextKeys.SideBoth], ["both legs", "both feet", "both sides"]),
            ],
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> SafetyCheckStepAsync(WaterfallStepContext<ExerciseSessionState> step, CancellationToken cancellationToken)
    {
        var profile = await _state.GetProfileAsync(step.Context, cancellationToken);
        if (step.Result is FoundChoice side)
        {
            profile.Side = side.Value;
            await step.Context.SendActivityAsync(MessageFactory.Text(_texts[TextKeys.SideSaved]), cancellationToken);
        }
        else if (step.Result is not string)
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.State.Side = profile.Side!;
        if (profile.LastTriage is null)
        {
            // Never checked: the full symptom check comes first; its outcome decides whether we go on.
            await step.Context.SendActivityAsync(MessageFactory.Text(_texts[TextKeys.SafetyFirstTime]), cancellationToken);
            step.State.RanFullCheck = true;
            return await step.BeginDialogAsync(DialogIds.SymptomCheck, new SymptomCheckProgress { OfferSummary = false }, cancellationToken);
        }

        if (CareLevels.FromId(profile.LastTriage.Level) is CareLevel.Urgent or CareLevel.Emergency)
        {
            return await step.PromptAsync(Prompting.YesNoPromptId, Prompting.YesNo(_texts, TextKeys.SafetyClinicianSeen, allowUnsure: true), cancellationToken);
        }

        return await step.NextAsync(YesNo.Yes, cancellationToken);
    }

    private async Task<DialogTurnResult> ClinicianSeenStepAsync(WaterfallStepContext<ExerciseSessionState> step, CancellationToken cancellationToken)
    {
        if (step.State.RanFullCheck)
        {
            var profile = await _state.GetProfileAsync(step.Context, cancellationToken);
            var routine = profile.LastTriage is not null && CareLevels.FromId(profile.LastTriage.Level) == CareLevel.Routine;
            return routine ? await step.NextAsync(YesNo.No, cancellationToken) : await step.EndDialogAsync(null, cancellationToken);
        }

        if (step.Result is not YesNo.Yes)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_texts[TextKeys.SafetyWaitForClinician]), cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        // Remembered, so reminders go back to "time to exercise" instead of "get checked first".
        var seen = await _state.GetProfileAsync(step.Context, cancellationToken);
        seen.LastTriage!.ClinicianSeenOn = _time.GetUtcNow();

        return await step.PromptAsync(Prompting.YesNoPromptId, Prompting.YesNo(_texts, TextKeys.SafetyQuickCheck, allowUnsure: true), cancellationToken);
    }

    private async Task<DialogTurnResult> QuickCheckStepAsync(WaterfallStepContext<ExerciseSessionState> step, CancellationToken cancellationToken)
    {
        // Yes, not sure, or no usable answer to "any new warning signs?" all mean: not today, see a clinician.
        if (step.Result is not YesNo.No)
        {
            await _outcomes.SendAsync(step.Context, new TriageNotice(CareLevel.Urgent, ["exercise-safety-check"], TriageSources.ExerciseSafetyCheck), cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        return await step.NextAsync(null, cancellationToken);
    }

    private Task<DialogTurnResult> WalkStepAsync(WaterfallStepContext<ExerciseSessionState> step, CancellationToken cancellationToken)
        => step.BeginDialogAsync(DialogIds.ExerciseWalk, new WalkState { Queue = step.State.ExerciseIds, Side = step.State.Side }, cancellationToken);

    private async Task<DialogTurnResult> RecordStepAsync(WaterfallStepContext<ExerciseSessionState> step, CancellationToken cancellationToken)
    {
        if (step.Result is WalkResult { Completed.Count: > 0 } result)
        {
            var profile = await _state.GetProfileAsync(step.Context, cancellationToken);
            profile.AddSession(new SessionRecord
            {
                Date = await _reminders.SessionDayAsync(step.Context, cancellationToken),
                Exercises = result.Completed,
                Sets = result.SetsDone,
                MaxPain = result.MaxPain,
            });
            if (!result.Stopped)
            {
                await step.Context.SendActivityAsync(MessageFactory.Text(_texts.Get(TextKeys.SessionDone, ("count", result.Completed.Count))), cancellationToken);
                return await step.EndDialogAsync(new SessionFinished(), cancellationToken);
            }
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }
}

public sealed class ExerciseRequest
{
    public List<string>? ExerciseIds { get; set; }
}

public sealed class ExerciseSessionState
{
    public List<string> ExerciseIds { get; set; } = [];

    public string Side { get; set; } = "left";

    public bool RanFullCheck { get; set; }
}
