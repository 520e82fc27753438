using FootDrop.Content.Model;

namespace FootDrop.Bot.Dialogs.Exercises;

public static class ExercisePlans
{
    public static ExercisePlan From(Exercise exercise) => new(
        exercise.Id,
        exercise.Setup.Select(s => new CoachStep(s.Text, s.Kind == StepKind.Hold)).ToList(),
        exercise.Repetition.Select(s => new CoachStep(s.Text, s.Kind == StepKind.Hold)).ToList(),
        exercise.Reps,
        exercise.TargetSets,
        exercise.Hold.MinSeconds,
        exercise.Hold.MaxSeconds);
}
