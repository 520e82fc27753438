namespace FootDrop.Content.Text;

/// <summary>Typo tolerance shared by the recognisers: people type "numbnes" and "strech".</summary>
public static class Spelling
{
    /// <summary>Words this long or longer may differ by one letter and still match; shorter ones are too easily confused.</summary>
    public const int MinFuzzyLength = 5;

    /// <summary>True when <paramref name="a"/> becomes <paramref name="b"/> by at most one changed, added or removed letter.</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length == b.Length)
            {
                i++;
            }

            j++;
        }

        return edits + (b.Length - j) <= 1;
    }
}
