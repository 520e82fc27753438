namespace FootDrop.Bot.Dialogs;

public static class DialogIds
{
    public const string Menu = "menu";
    public const string Learn = "learn";
    public const string Exercises = "exercises";
    public const string ExerciseWalk = "exercise-walk";
    public const string SymptomCheck = "symptom-check";
    public const string RedFlag = "red-flag";
    public const string Progress = "progress";
    public const string DeleteData = "delete-data";
}

/// <summary>
/// A dialog's way of saying "this message was not for me": the root routes the text as if no dialog were active,
/// so someone who types "toe lifts" while reading about causes gets the exercise, not a retry prompt.
/// </summary>
public sealed record Reroute(string Text);

/// <summary>An exercise session ended with every exercise done (not stopped): the root may offer a reminder.</summary>
public sealed record SessionFinished;
