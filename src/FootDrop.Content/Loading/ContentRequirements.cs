namespace FootDrop.Content.Loading;

/// <summary>
/// What the code that speaks the content needs from it: the text keys it says, the placeholders it fills, and the
/// education sections it opens by id. The loader rejects a missing key, an unknown key, an unknown placeholder and a
/// missing section, so a typo never reaches a patient.
/// </summary>
public sealed record ContentRequirements(IReadOnlySet<string> TextKeys, IReadOnlySet<string> Placeholders, IReadOnlySet<string>? SectionIds = null)
{
    /// <summary>Placeholders an exercise step may use: the affected leg or foot and the hold time.</summary>
    public static IReadOnlySet<string> StepPlaceholders { get; } = new HashSet<string>(StringComparer.Ordinal) { "leg", "foot", "min", "max" };
}
