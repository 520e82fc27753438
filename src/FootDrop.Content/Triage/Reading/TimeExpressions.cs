using System.Globalization;
using System.Text.RegularExpressions;
using FootDrop.Content.Text;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace FootDrop.Content.Triage.Reading;

/// <summary>A time a message mentions ("since Tuesday", "for ten years"), as words of the message and an age in days.</summary>
internal readonly record struct TimeMention(int StartToken, int EndToken, double AgeDays, bool IsDuration);

/// <summary>
/// Reads when something started with Microsoft.Recognizers.Text.DateTime: "3 days ago", "since Tuesday", "for about
/// 3 weeks" and "since 2015" become ages. Only sentences with a time word are given to the recogniser: it is the most
/// expensive step of reading a message, and most sentences have none.
/// </summary>
internal sealed partial class TimeExpressions
{
    // Stryker disable all : a word table is data, reviewed like dialogs/; the code that reads it is mutated (tests/mutation/survivors.md)
    private static readonly HashSet<string> Cues = new(StringComparer.Ordinal)
    {
        "ago", "since", "yesterday", "today", "tonight", "morning", "afternoon", "evening", "night", "week", "weeks",
        "weekend", "fortnight", "month", "months", "year", "years", "day", "days", "hour", "hours", "minute", "minutes",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
        "thur", "thurs", "fri", "sat", "sun", "spring", "summer", "autumn", "fall", "winter", "christmas", "easter",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "last",
    };
    // Stryker restore all

    private readonly DateTimeModel _model = new DateTimeRecognizer(Culture.English).GetDateTimeModel();

    /// <summary>
    /// Whether an age is within a limit of days, counted in whole days: "6 weeks ago" said in the evening is 42 days and
    /// some hours, still within six weeks. One rule for a message's dates and the symptom check's onset answer.
    /// </summary>
    public static bool WithinDays(double ageDays, int days) => Math.Floor(ageDays) <= days;

    // Stryker disable all : warm-up only builds the recogniser's lazy parts early; no reading depends on its phrases
    /// <summary>Builds the recogniser's lazily made parts, so no user's message pays for them.</summary>
    public void Warmup(DateTime now)
    {
        foreach (var phrase in new[] { "since tuesday", "3 days ago", "for 3 weeks", "six years", "last week", "this morning", "an hour ago", "since 2015", "last spring", "the last fortnight" })
        {
            _model.Parse(phrase, now);
        }
    }
    // Stryker restore all

    /// <summary>The times in the message's sentences (only <paramref name="sentences"/>, when given), at most <paramref name="maxSentences"/>.</summary>
    public IReadOnlyList<TimeMention> Find(NormalizedText text, DateTime now, int maxSentences, IReadOnlySet<int>? sentences = null)
    {
        var mentions = new List<TimeMention>();
        var sentencesRead = 0;
        var index = -1;
        foreach (var (start, end, _) in text.Sentences())
        {
            index++;
            if ((sentences is not null && !sentences.Contains(index)) || !HasCue(text, start, end) || ++sentencesRead > maxSentences)
            {
                continue;
            }

            // The recogniser reads the normalised words ("10 yrs" is "10 years" by then); offsets map back to tokens.
            var wordTokens = new List<int>();
            var offsets = new List<int>();
            var builder = new System.Text.StringBuilder();
            for (var i = start; i < end; i++)
            {
                if (!text.Tokens[i].IsWord)
                {
                    // A comma stays: "on Saturday, 2 hours long" is a day and a length, not "Saturday the 2nd".
                    if (text.Tokens[i].Kind == TokenKind.Pause && builder.Length > 0)
                    {
                        builder.Append(',');
                    }

                    continue;
                }

                // "Since like Wednesday": the hedge is left out, or the recogniser finds no time ("for like 3 weeks" it reads).
                if (text.Tokens[i].Text == "like" && wordTokens.Count > 0 && text.Tokens[wordTokens[^1]].Text == "since" && i + 1 < end && text.Tokens[i + 1].IsWord)
                {
                    continue;
                }

                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                offsets.Add(builder.Length);
                wordTokens.Add(i);
                builder.Append(text.Tokens[i].Text);
            }

            foreach (var result in _model.Parse(builder.ToString(), now))
            {
                // Plain statements, no pattern variable: Stryker cannot compile mutants of one (tests/mutation/survivors.md).
                var age = IsAmbiguous(result.Text) ? null : Age(result, now);
                if (age is null)
                {
                    continue;
                }

                var first = offsets.FindLastIndex(o => o <= result.Start);
                var last = offsets.FindLastIndex(o => o <= result.End);
                if (first >= 0 && last >= first && !IsAge(result.Text, text, wordTokens, first) && !IsFrequency(result.Text, text, wordTokens, first) && !IsSomeDay(result.Text, text, wordTokens, first))
                {
                    mentions.Add(new TimeMention(wordTokens[first], wordTokens[last] + 1, age.Value, result.TypeName.EndsWith("duration", StringComparison.Ordinal)));
                }
            }
        }

        return mentions;
    }

    /// <summary>
    /// "June" is as often a wife as a month, and "may" a verb: a month named alone is not read as a time, even after "in"
    /// ("had my hip done in March and since then the foot won't lift" was written as recent, and dating it to this
    /// year's March would make a new foot drop history). "Now" says when
    /// something is, not when it began. "Week 6" of a timeline ("week 1 the toe caught ... week 6 the calf is thinner")
    /// counts from the story's start, not from January; "back in the day" is no today; "high stepping all day wears me
    /// out" says how long, not since when.
    /// </summary>
    private static bool IsAmbiguous(string text)
        => text is "now" or "right now" or "just now" or "currently" or "the day" or "all day" or "all day long" or "all night" or "all night long" || (!text.Contains(' ', StringComparison.Ordinal) && Months.Contains(text)) || CountedPeriod().IsMatch(text);

    [GeneratedRegex(@"^(?:week|day|month) \d{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountedPeriod();

    [GeneratedRegex(@"^\d{4}(?:-(?:SP|SU|FA|WI))?$", RegexOptions.CultureInvariant)]
    private static partial Regex YearOrSeason();

    /// <summary>
    /// "In her 50s" is how old someone is, not the 1950s: a decade with "my", "his", "her" or "their" just before it
    /// (perhaps with "early", "mid" or "late" between) is an age.
    /// </summary>
    private static bool IsOwner(string word) => word is "my" or "his" or "her" or "their" or "your" or "our";

    private static bool IsAge(string found, NormalizedText text, List<int> wordTokens, int first)
    {
        if (!Decades.Contains(found.Replace(" ", string.Empty, StringComparison.Ordinal)))
        {
            return false;
        }

        for (var back = 1; back <= 2 && first - back >= 0; back++)
        {
            var word = text.Tokens[wordTokens[first - back]].Text;
            if (IsOwner(word))
            {
                return true;
            }

            if (word is not ("early" or "mid" or "late"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// "Cath 5x a day" (read as "5 x a day"), "twice a week": a count before "a day" says how often, not when anything began.
    /// </summary>
    private static bool IsFrequency(string found, NormalizedText text, List<int> wordTokens, int first)
        => found.StartsWith("a ", StringComparison.Ordinal) && first > 0 && IsCount(text.Tokens[wordTokens[first - 1]].Text);

    /// <summary>
    /// "Could it come back one day?", "one day my foot just stopped lifting": "one day" is some day, unless it is how long
    /// ("for one day"; the recogniser keeps "within" in what it found).
    /// </summary>
    private static bool IsSomeDay(string found, NormalizedText text, List<int> wordTokens, int first)
        => found == "one day" && (first == 0 || text.Tokens[wordTokens[first - 1]].Text != "for");

    private static bool IsCount(string word) => word is "x" or "times" or "once" or "twice" or "thrice";

    // Stryker disable all : a word table is data, reviewed like dialogs/; the code that reads it is mutated (tests/mutation/survivors.md)
    private static readonly HashSet<string> Decades = new(StringComparer.Ordinal)
    {
        "20s", "30s", "40s", "50s", "60s", "70s", "80s", "90s", "twenties", "thirties", "forties", "fifties", "sixties",
        "seventies", "eighties", "nineties",
    };

    // Stryker restore all

    // Stryker disable all : a word table is data, reviewed like dialogs/; the code that reads it is mutated (tests/mutation/survivors.md)
    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };
    // Stryker restore all

    private static bool HasCue(NormalizedText text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var word = text.Tokens[i].Text;
            if (text.Tokens[i].IsWord && (Cues.Contains(word) || (word.Length == 4 && word.All(char.IsDigit))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many days ago the mentioned time began; null for times ahead, clock times and short durations.</summary>
    private static double? Age(ModelResult result, DateTime now)
    {
        if (result.Resolution?.TryGetValue("values", out var raw) != true)
        {
            return null;
        }

        if (raw is not IEnumerable<object> values)
        {
            return null;
        }

        double? best = null;
        foreach (var entry in values.OfType<IDictionary<string, string>>())
        {
            entry.TryGetValue("type", out var type);
            var age = type switch
            {
                "duration" => DurationDays(entry),
                "date" or "datetime" => PastAge(entry, "value", now),
                "daterange" or "datetimerange" => PastAge(entry, "start", now) ?? LaterToday(entry, now) ?? YearAge(entry, now),
                _ => null,
            };

            // "Since Tuesday" resolves to the last and the next Tuesday: the one in the past is meant.
            if (age is null && entry.TryGetValue("Mod", out var mod) && mod == "since" && Moment(entry, "start") is { } ahead)
            {
                age = (now - ahead.AddDays(-7)).TotalDays is var days and >= 0 ? days : null;
            }

            if (age is { } found && (best is null || found < best))
            {
                best = found;
            }
        }

        return best;
    }

    /// <summary>"For ten years" and "a few days" are ages; minutes and hours more often say how long something lasted.</summary>
    private static double? DurationDays(IDictionary<string, string> entry)
        => entry.TryGetValue("value", out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= TimeSpan.FromDays(1).TotalSeconds
            ? seconds / TimeSpan.FromDays(1).TotalSeconds
            : null;

    private static double? PastAge(IDictionary<string, string> entry, string key, DateTime now)
        => Moment(entry, key) is { } moment && moment <= now.AddMinutes(1) ? Math.Max(0, (now - moment).TotalDays) : null;

    /// <summary>
    /// "Tonight" said at six, "this afternoon" said in the morning: the part of today they name has not begun yet, but
    /// what happened "tonight" happened today.
    /// </summary>
    private static double? LaterToday(IDictionary<string, string> entry, DateTime now)
        => Moment(entry, "start") is { } start && start.Date == now.Date ? 0 : null;

    /// <summary>
    /// "Last spring" is not resolved to dates, but its timex ("2025-SP") still says which year. Only a year or a season
    /// of one: a time later today ("2026-12-31TNI") is not six months ago.
    /// </summary>
    private static double? YearAge(IDictionary<string, string> entry, DateTime now)
        => entry.TryGetValue("timex", out var timex) && YearOrSeason().IsMatch(timex) && int.TryParse(timex[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year <= now.Year
            ? (now - new DateTime(year, 6, 30, 0, 0, 0, DateTimeKind.Unspecified)).TotalDays is var days and > 0 ? days : 0
            : null;

    private static DateTime? Moment(IDictionary<string, string> entry, string key)
        => entry.TryGetValue(key, out var text) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : null;
}
