using FootDrop.Bot.Dialogs.Exercises;

namespace FootDrop.Bot.Tests.Exercises;

/// <summary>The counting rules of the coach: reps within a set, sets up to the target, back and repeat.</summary>
public sealed class ExerciseCoachTests
{
    private static readonly ExercisePlan ToeLifts = new(
        "toe-lifts",
        [new CoachStep("sit", false)],
        [new CoachStep("lift", false), new CoachStep("hold", true)],
        Repetitions: 10,
        TargetSets: 3,
        HoldMinSeconds: 2,
        HoldMaxSeconds: 3);

    private static readonly ExercisePlan CalfStretch = new(
        "calf-stretch",
        [new CoachStep("wall", false), new CoachStep("step back", false)],
        [new CoachStep("lean", false), new CoachStep("hold", true)],
        Repetitions: 3,
        TargetSets: null,
        HoldMinSeconds: 20,
        HoldMaxSeconds: 30);

    [Fact]
    public void Next_walks_the_set_up_then_the_first_repetition()
    {
        var (afterSetup, _) = ExerciseCoach.Move(ToeLifts, CoachPosition.Start, CoachCommand.Next);

        Assert.Equal(new CoachPosition(CoachPhase.Repetition, 0, 1, 1), afterSetup);
    }

    [Fact]
    public void Finishing_the_last_step_of_a_rep_counts_the_rep_and_starts_the_next()
    {
        var (position, happened) = ExerciseCoach.Move(ToeLifts, new CoachPosition(CoachPhase.Repetition, 1, 4, 1), CoachCommand.Next);

        Assert.Equal(CoachEvent.RepDone, happened);
        Assert.Equal(new CoachPosition(CoachPhase.Repetition, 0, 5, 1), position);
    }

    [Fact]
    public void The_tenth_rep_ends_the_set_with_a_rest_while_sets_remain()
    {
        var (position, happened) = ExerciseCoach.Move(ToeLifts, new CoachPosition(CoachPhase.Repetition, 1, 10, 2), CoachCommand.Next);

        Assert.Equal(CoachEvent.SetDone, happened);
        Assert.Equal(CoachPhase.SetBreak, position.Phase);
        Assert.Equal(2, position.Set);
    }

    [Fact]
    public void The_last_rep_of_the_third_set_ends_the_exercise()
    {
        var (position, happened) = ExerciseCoach.Move(ToeLifts, new CoachPosition(CoachPhase.Repetition, 1, 10, 3), CoachCommand.Next);

        Assert.Equal(CoachEvent.ExerciseDone, happened);
        Assert.Equal(CoachPhase.Done, position.Phase);
    }

    [Fact]
    public void Saying_all_reps_are_done_ends_the_set_at_once()
    {
        var (position, happened) = ExerciseCoach.Move(ToeLifts, new CoachPosition(CoachPhase.Repetition, 0, 2, 1), CoachCommand.AllRepsDone);

        Assert.Equal(CoachEvent.SetDone, happened);
        Assert.Equal(new CoachPosition(CoachPhase.SetBreak, 0, 10, 1), position);
    }

    [Fact]
    public void The_next_set_starts_again_at_rep_one()
    {
        var (position, _) = ExerciseCoach.Move(ToeLifts, new CoachPosition(CoachPhase.SetBreak, 0, 10, 1), CoachCommand.NextSet);

        Assert.Equal(new CoachPosition(CoachPhase.Repetition, 0, 1, 2), position);
    }

    [Fact]
    public void An_exercise_without_sets_ends_after_its_repetitions()
    {
        var (position, happened) = ExerciseCoach.Move(CalfStretch, new CoachPosition(CoachPhase.Repetition, 1, 3, 1), CoachCommand.Next);

        Assert.Equal(CoachEvent.ExerciseDone, happened);
        Assert.Equal(CoachPhase.Done, position.Phase);
    }

    [Fact]
    public void Back_from_the_first_movement_returns_to_the_last_set_up_step()
    {
        var (position, _) = ExerciseCoach.Move(CalfStretch, new CoachPosition(CoachPhase.Repetition, 0, 1, 1), CoachCommand.Back);

        Assert.Equal(new CoachPosition(CoachPhase.Setup, 1, 1, 1), position);
    }

    [Fact]
    public void Back_never_uncounts_a_finished_rep()
    {
        var at = new CoachPosition(CoachPhase.Repetition, 0, 3, 1);

        var (position, _) = ExerciseCoach.Move(ToeLifts, at, CoachCommand.Back);

        Assert.Equal(at, position);
    }

    [Fact]
    public void Repeat_stays_on_the_same_step()
    {
        var at = new CoachPosition(CoachPhase.Setup, 1, 1, 1);

        Assert.Equal(at, ExerciseCoach.Move(CalfStretch, at, CoachCommand.Repeat).Position);
    }
}
