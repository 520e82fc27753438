namespace FootDrop.Content;

/// <summary>
/// Thrown at start-up when a file in <c>dialogs/</c> is missing, malformed or inconsistent.
/// The message always names the file and the JSON path, so a clinician editing content can find the mistake.
/// </summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(string file, string jsonPath, string problem)
        : base($"{file} at {jsonPath}: {problem}")
    {
        File = file;
        JsonPath = jsonPath;
        Problem = problem;
    }

    public string File { get; }

    public string JsonPath { get; }

    public string Problem { get; }
}
