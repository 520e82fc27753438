using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;

namespace FootDrop.Bot.Recognition;

/// <summary>A date, time, range or duration found in an answer, as Microsoft.Recognizers.Text.DateTime resolves it.</summary>
public sealed record DateTimeMention(string Type, string? Timex, DateTime? Start, DateTime? End, TimeSpan? Duration);

/// <summary>
/// Numbers and dates in English through Microsoft.Recognizers.Text. Building the recognisers' models takes a
/// noticeable moment, so one instance is shared and <see cref="Warmup"/> runs at start-up rather than on a user's turn.
/// </summary>
public sealed partial class TextRecognizers
{
    private readonly IModel _numberModel = new NumberRecognizer(Culture.English).GetNumberModel();
    private readonly DateTimeModel _dateTimeModel = new DateTimeRecognizer(Culture.English).GetDateTimeModel();

    public void Warmup()
    {
        _numberModel.Parse("seven");
        _dateTimeModel.Parse("for about three weeks since yesterday morning", DateTime.UtcNow);
    }

    /// <summary>A number such as "7", "seven" or, on a scale, "7/10" and "7 out of 10" (which mean 7, not 0.7).</summary>
    public double? RecognizeNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var scale = ScaleAnswer().Match(text);
        if (scale.Success)
        {
            return double.Parse(scale.Groups["value"].Value, CultureInfo.InvariantCulture);
        }

        foreach (var result in _numberModel.Parse(text))
        {
            if (result.Resolution?.TryGetValue("value", out var value) == true
                && double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return null;
    }

    public IReadOnlyList<DateTimeMention> RecognizeDateTimes(string? text, DateTime reference)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var mentions = new List<DateTimeMention>();
        foreach (var result in _dateTimeModel.Parse(text, reference))
        {
            if (result.Resolution?.TryGetValue("values", out var raw) != true || raw is not IEnumerable<object> values)
            {
                continue;
            }

            foreach (var entry in values.OfType<IDictionary<string, string>>())
            {
                entry.TryGetValue("type", out var type);
                entry.TryGetValue("timex", out var timex);
                mentions.Add(new DateTimeMention(
                    type ?? "unknown",
                    timex,
                    ParseMoment(entry, "start") ?? ParseMoment(entry, "value"),
                    ParseMoment(entry, "end"),
                    type == "duration" && entry.TryGetValue("value", out var seconds) && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s)
                        ? TimeSpan.FromSeconds(s)
                        : null));
                break;
            }
        }

        return mentions;
    }

    private static DateTime? ParseMoment(IDictionary<string, string> entry, string key)
        => entry.TryGetValue(key, out var text) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment)
            ? moment
            : null;

    [GeneratedRegex(@"^\s*(?<value>\d{1,2}(?:\.\d+)?)\s*(?:/|out of|of)\s*10\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScaleAnswer();
}
