namespace FootDrop.Content.Loading;

/// <summary>
/// What the code that speaks the content needs from it: the text keys it says, and the placeholders it fills.
/// The loader rejects a missing key, an unknown key and an unknown placeholder, so a typo never reaches a patient.
/// </summary>
public sealed record ContentRequirements(IReadOnlySet<string> TextKeys, IReadOnlySet<string> Placeholders)
{
    /// <summary>Placeholders an exercise step may use: the affected leg or foot and the hold time.</summary>
    public static IReadOnlySet<string> StepPlaceholders { get; } = new HashSet<string>(StringComparer.Ordinal) { "leg", "foot", "min", "max" };
}
