using FootDrop.Bot.Conversation;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.DialogLayer.Prompts;
using FootDrop.Bot.Proactive;
using FootDrop.Content.Model;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Dialogs.Exercises;

/// <summary>
/// Walks the exercises of a session one instruction per message. Each turn shows one step and reads one command
/// (next, back, repeat, stop, start hold, all reps done); the dialog then re-enters itself with the new position,
/// as the official samples loop. After each exercise it asks about pain and stops the session at the threshold.
/// </summary>
public sealed class ExerciseWalkDialog : ComponentDialog
{
    private const string StepsId = "exercise-walk-steps";
    private const string PainPromptId = "pain";
    private readonly ContentCatalog _content;
    private readonly Texts _texts;
    private readonly HoldTimers _holds;
    private readonly SafetyOptions _safety;

    public ExerciseWalkDialog(ContentCatalog content, Texts texts, HoldTimers holds, Recognition.TextRecognizers recognizers, IOptions<SafetyOptions> safety)
        : base(DialogIds.ExerciseWalk)
    {
        _content = content;
        _texts = texts;
        _holds = holds;
        _safety = safety.Value;
        AddDialog(new WaterfallDialog<WalkState>(StepsId, [ShowStepAsync, ApplyStepAsync]));
        AddDialog(new ChoicePrompt(Prompting.ChoicePromptId));
        AddDialog(new NumberPrompt(PainPromptId, recognizers, 0, 10));
    }

    private async Task<DialogTurnResult> ShowStepAsync(WaterfallStepContext<WalkState> step, CancellationToken cancellationToken)
    {
        // Each re-entry starts from the position it was given; from then on the waterfall's own state carries it.
        var walk = step.State;
        if (walk.Queue.Count == 0)
        {
            walk.CopyFrom(step.GetOptions<WalkState>()!);
        }

        var exercise = _content.Exercise(walk.Queue[walk.Index]);
        var plan = ExercisePlans.From(exercise);

        if (!walk.IntroShown)
        {
            walk.IntroShown = true;
            await step.Context.SendActivityAsync(MessageFactory.Text(_texts.Get(TextKeys.ExerciseIntro, ("title", exercise.Title), ("purpose", exercise.Purpose), ("targets", exercise.Targets))), cancellationToken);
            var dosage = exercise.TargetSets is { } sets
                ? _texts.Get(TextKeys.ExerciseDosageSets, ("min", exercise.Hold.MinSeconds), ("max", exercise.Hold.MaxSeconds), ("reps", exercise.Reps), ("sets", sets))
                : _texts.Get(TextKeys.ExerciseDosageSession, ("min", exercise.Hold.MinSeconds), ("max", exercise.Hold.MaxSeconds), ("reps", exercise.Reps));
            await step.Context.SendActivityAsync(MessageFactory.Text(dosage), cancellationToken);
        }

        if (walk.Position.Phase == CoachPhase.Done)
        {
            return await step.PromptAsync(PainPromptId, new PromptOptions
            {
                Prompt = MessageFactory.Text(_texts[TextKeys.PainPrompt]),
                RetryPrompt = MessageFactory.Text(_texts[TextKeys.PainRetry]),
            }, cancellationToken);
        }

        var text = walk.Announcement ?? StepText(walk, exercise, plan);
        walk.Announcement = null;
        return await step.PromptAsync(Prompting.ChoicePromptId, new PromptOptions
        {
            Prompt = MessageFactory.Text(text),
            RetryPrompt = MessageFactory.Text(StepText(walk, exercise, plan)),
            Choices = Controls(plan, walk.Position),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ApplyStepAsync(WaterfallStepContext<WalkState> step, CancellationToken cancellationToken)
    {
        var walk = step.State;
        var exercise = _content.Exercise(walk.Queue[walk.Index]);
        var plan = ExercisePlans.From(exercise);

        if (walk.Position.Phase == CoachPhase.Done)
        {
            return await AfterPainAsync(step, walk, step.Result is double pain ? (int)Math.Round(pain) : null, cancellationToken);
        }

        if (step.Result is not FoundChoice choice)
        {
            return await step.EndDialogAsync(walk.Result(stopped: true), cancellationToken);
        }

        if (choice.Value == "stop")
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_texts[TextKeys.ExerciseStopped]), cancellationToken);
            return await step.EndDialogAsync(walk.Result(stopped: true), cancellationToken);
        }

        var command = Enum.Parse<CoachCommand>(choice.Value, ignoreCase: true);
        if (command == CoachCommand.StartHold)
        {
            var current = ExerciseCoach.CurrentStep(plan, walk.Position);
            if (current is { IsHold: true })
            {
                await _holds.StartAsync(step.Context, TimeSpan.FromSeconds(plan.HoldMaxSeconds), MessageFactory.Text(_texts[TextKeys.ExerciseHoldDone]), cancellationToken);
                walk.Announcement = _texts.Get(TextKeys.ExerciseHoldStarted, ("seconds", plan.HoldMaxSeconds));
            }
            else
            {
                walk.Announcement = _texts[TextKeys.ExerciseNoHold];
            }

            return await step.ReplaceDialogAsync(StepsId, walk, cancellationToken);
        }

        var (position, happened) = ExerciseCoach.Move(plan, walk.Position, command);
        walk.Position = position;
        switch (happened)
        {
            case CoachEvent.RepDone:
                await SayAsync(step, _texts.Get(TextKeys.ExerciseRepDone, ("rep", position.Rep - 1), ("reps", plan.Repetitions)), cancellationToken);
                break;
            case CoachEvent.SetDone:
                walk.SetsDone++;
                walk.Announcement = _texts.Get(TextKeys.ExerciseSetDone, ("set", position.Set), ("sets", plan.TargetSets));
                break;
            case CoachEvent.ExerciseDone:
                walk.SetsDone++;
                await SayAsync(step, _texts.Get(TextKeys.ExerciseDone, ("title", exercise.Title)), cancellationToken);
                break;
        }

        return await step.ReplaceDialogAsync(StepsId, walk, cancellationToken);
    }

    private async Task<DialogTurnResult> AfterPainAsync(WaterfallStepContext<WalkState> step, WalkState walk, int? pain, CancellationToken cancellationToken)
    {
        if (pain is null)
        {
            await SayAsync(step, _texts[TextKeys.PainNoAnswer], cancellationToken);
            return await step.EndDialogAsync(walk.Result(stopped: true), cancellationToken);
        }

        walk.MaxPain = Math.Max(walk.MaxPain ?? 0, pain.Value);
        walk.Completed.Add(walk.Queue[walk.Index]);
        if (pain >= _safety.PainStopThreshold)
        {
            await SayAsync(step, _texts.Get(TextKeys.PainTooHigh, ("pain", pain)), cancellationToken);
            return await step.EndDialogAsync(walk.Result(stopped: true), cancellationToken);
        }

        if (walk.Index + 1 >= walk.Queue.Count)
        {
            return await step.EndDialogAsync(walk.Result(stopped: false), cancellationToken);
        }

        walk.Index++;
        walk.Position = CoachPosition.Start;
        walk.IntroShown = false;
        await SayAsync(step, _texts.Get(TextKeys.SessionNext, ("title", _content.Exercise(walk.Queue[walk.Index]).Title)), cancellationToken);
        return await step.ReplaceDialogAsync(StepsId, walk, cancellationToken);
    }

    private string StepText(WalkState walk, Exercise exercise, ExercisePlan plan)
    {
        var at = walk.Position;
        if (at.Phase == CoachPhase.SetBreak)
        {
            return _texts.Get(TextKeys.ExerciseSetDone, ("set", at.Set), ("sets", plan.TargetSets));
        }

        var current = ExerciseCoach.CurrentStep(plan, at)!;
        var side = walk.Side;
        var namesSide = current.Text.Contains("{leg}", StringComparison.Ordinal) || current.Text.Contains("{foot}", StringComparison.Ordinal);
        var instruction = _texts.Fill(
            current.Text,
            ("leg", _texts[$"side.{side}.leg"]),
            ("foot", _texts[$"side.{side}.foot"]),
            ("min", exercise.Hold.MinSeconds),
            ("max", exercise.Hold.MaxSeconds));
        if (namesSide && side == "both")
        {
            instruction += " " + _texts[TextKeys.SideBothNote];
        }

        var text = at.Phase == CoachPhase.Setup
            ? _texts.Get(TextKeys.ExerciseSetupStep, ("n", at.Step + 1), ("count", plan.SetupSteps.Count), ("text", instruction))
            : plan.TargetSets is { } sets
                ? _texts.Get(TextKeys.ExerciseRepStepWithSet, ("set", at.Set), ("sets", sets), ("rep", at.Rep), ("reps", plan.Repetitions), ("text", instruction))
                : _texts.Get(TextKeys.ExerciseRepStep, ("rep", at.Rep), ("reps", plan.Repetitions), ("text", instruction));
        return current.IsHold ? text + " " + _texts[TextKeys.ExerciseHoldHint] : text;
    }

    private List<Choice> Controls(ExercisePlan plan, CoachPosition at)
    {
        Choice Control(CoachCommand command, string key, params string[] synonyms) => new(command.ToString(), _texts[key], synonyms);

        if (at.Phase == CoachPhase.SetBreak)
        {
            return
            [
                Control(CoachCommand.NextSet, TextKeys.ButtonNextSet, "next", "continue", "another set", "go on"),
                Control(CoachCommand.FinishExercise, TextKeys.ButtonFinish, "finish", "done", "enough", "that's enough"),
                new Choice("stop", _texts[TextKeys.ButtonStop], ["stop exercise", "end"]),
            ];
        }

        var controls = new List<Choice>();
        if (ExerciseCoach.CurrentStep(plan, at) is { IsHold: true })
        {
            controls.Add(Control(CoachCommand.StartHold, TextKeys.ButtonStartHold, "start", "hold", "go", "timer", "start timer", "start the hold"));
        }

        controls.Add(Control(CoachCommand.Next, TextKeys.ButtonNext, "next", "done", "ok", "okay", "continue", "next step", "ready", "did it"));
        controls.Add(Control(CoachCommand.Repeat, TextKeys.ButtonRepeat, "again", "repeat that", "say again", "one more time"));
        controls.Add(Control(CoachCommand.Back, TextKeys.ButtonBack, "previous", "go back", "back"));
        if (at.Phase == CoachPhase.Repetition)
        {
            controls.Add(Control(CoachCommand.AllRepsDone, TextKeys.ButtonAllReps, "all reps", "did them all", "all done", "finished the reps", "i did all", "did all of them"));
        }

        controls.Add(new Choice("stop", _texts[TextKeys.ButtonStop], ["stop exercise", "end", "quit exercise"]));
        return controls;
    }

    private static Task SayAsync(WaterfallStepContext<WalkState> step, string text, CancellationToken cancellationToken)
        => step.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
}

/// <summary>Where the walk is; carried from one turn to the next as the dialog's options.</summary>
public sealed class WalkState
{
    public List<string> Queue { get; set; } = [];

    public int Index { get; set; }

    public string Side { get; set; } = "left";

    public CoachPosition Position { get; set; } = CoachPosition.Start;

    public bool IntroShown { get; set; }

    /// <summary>Said instead of the step on the next showing (a hold started, a set finished).</summary>
    public string? Announcement { get; set; }

    public int SetsDone { get; set; }

    public int? MaxPain { get; set; }

    public List<string> Completed { get; set; } = [];

    public WalkResult Result(bool stopped) => new(Completed, SetsDone, MaxPain, stopped);

    public void CopyFrom(WalkState other)
    {
        Queue = [.. other.Queue];
        Index = other.Index;
        Side = other.Side;
        Position = other.Position;
        IntroShown = other.IntroShown;
        Announcement = other.Announcement;
        SetsDone = other.SetsDone;
        MaxPain = other.MaxPain;
        Completed = [.. other.Completed];
    }
}

public sealed record WalkResult(List<string> Completed, int SetsDone, int? MaxPain, bool Stopped);
