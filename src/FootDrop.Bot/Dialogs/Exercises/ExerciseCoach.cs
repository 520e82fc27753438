namespace FootDrop.Bot.Dialogs.Exercises;

/// <summary>One instruction of an exercise; a hold step is timed.</summary>
public sealed record CoachStep(string Text, bool IsHold);

/// <summary>An exercise as the coach walks it: steps done once, steps done each repetition, and how many.</summary>
public sealed record ExercisePlan(
    string Id,
    IReadOnlyList<CoachStep> SetupSteps,
    IReadOnlyList<CoachStep> RepetitionSteps,
    int Repetitions,
    int? TargetSets,
    int HoldMinSeconds,
    int HoldMaxSeconds);

public enum CoachPhase
{
    Setup,
    Repetition,
    SetBreak,
    Done,
}

public enum CoachCommand
{
    Next,
    Back,
    Repeat,
    StartHold,
    AllRepsDone,
    NextSet,
    FinishExercise,
}

/// <summary>Where the user is in an exercise. Persisted in the dialog's options, so it must stay a plain record.</summary>
public sealed record CoachPosition(CoachPhase Phase, int Step, int Rep, int Set)
{
    /// <summary>A new value each time: deserialisers may fill a default object in place.</summary>
    public static CoachPosition Start => new(CoachPhase.Setup, 0, 1, 1);
}

/// <summary>What happened on a move, so the dialog can say it: a repetition or a set just finished.</summary>
public enum CoachEvent
{
    None,
    RepDone,
    SetDone,
    ExerciseDone,
}

/// <summary>
/// The rules of walking an exercise, free of any conversation: one instruction at a time, reps counted within a set,
/// sets counted up to the target, back and repeat. Counting lives here so it is tested on its own.
/// </summary>
public static class ExerciseCoach
{
    public static (CoachPosition Position, CoachEvent Event) Move(ExercisePlan plan, CoachPosition at, CoachCommand command)
    {
        return command switch
        {
            CoachCommand.Repeat or CoachCommand.StartHold => (at, CoachEvent.None),
            CoachCommand.Back => (Back(plan, at), CoachEvent.None),
            CoachCommand.AllRepsDone when at.Phase == CoachPhase.Repetition => FinishSet(plan, at),
            CoachCommand.NextSet when at.Phase == CoachPhase.SetBreak => (new CoachPosition(CoachPhase.Repetition, 0, 1, at.Set + 1), CoachEvent.None),
            CoachCommand.FinishExercise => (at with { Phase = CoachPhase.Done }, CoachEvent.ExerciseDone),
            CoachCommand.Next => Next(plan, at),
            _ => (at, CoachEvent.None),
        };
    }

    public static CoachStep? CurrentStep(ExercisePlan plan, CoachPosition at) => at.Phase switch
    {
        CoachPhase.Setup when at.Step < plan.SetupSteps.Count => plan.SetupSteps[at.Step],
        CoachPhase.Repetition when at.Step < plan.RepetitionSteps.Count => plan.RepetitionSteps[at.Step],
        _ => null,
    };

    private static (CoachPosition, CoachEvent) Next(ExercisePlan plan, CoachPosition at)
    {
        switch (at.Phase)
        {
            case CoachPhase.Setup when at.Step + 1 < plan.SetupSteps.Count:
                return (at with { Step = at.Step + 1 }, CoachEvent.None);
            case CoachPhase.Setup:
                return (new CoachPosition(CoachPhase.Repetition, 0, 1, at.Set), CoachEvent.None);
            case CoachPhase.Repetition when at.Step + 1 < plan.RepetitionSteps.Count:
                return (at with { Step = at.Step + 1 }, CoachEvent.None);
            case CoachPhase.Repetition when at.Rep < plan.Repetitions:
                return (at with { Step = 0, Rep = at.Rep + 1 }, CoachEvent.RepDone);
            case CoachPhase.Repetition:
                return FinishSet(plan, at);
            case CoachPhase.SetBreak:
                return (new CoachPosition(CoachPhase.Repetition, 0, 1, at.Set + 1), CoachEvent.None);
            default:
                return (at, CoachEvent.None);
        }
    }

    private static (CoachPosition, CoachEvent) FinishSet(ExercisePlan plan, CoachPosition at)
    {
        var done = at with { Rep = plan.Repetitions, Step = 0 };
        return plan.TargetSets is { } sets && at.Set < sets
            ? (done with { Phase = CoachPhase.SetBreak }, CoachEvent.SetDone)
            : (done with { Phase = CoachPhase.Done }, CoachEvent.ExerciseDone);
    }

    private static CoachPosition Back(ExercisePlan plan, CoachPosition at) => at.Phase switch
    {
        CoachPhase.Setup when at.Step > 0 => at with { Step = at.Step - 1 },
        CoachPhase.Repetition when at.Step > 0 => at with { Step = at.Step - 1 },

        // From the first movement of the very first rep, back is the last set-up instruction; later reps are already counted.
        CoachPhase.Repetition when at.Rep == 1 && at.Set == 1 && plan.SetupSteps.Count > 0 => new CoachPosition(CoachPhase.Setup, plan.SetupSteps.Count - 1, 1, 1),
        _ => at,
    };
}
