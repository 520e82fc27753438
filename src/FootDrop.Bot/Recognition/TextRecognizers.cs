using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace FootDrop.Bot.Recognition;

/// <summary>
/// Numbers in English through Microsoft.Recognizers.Text (dates and times are read in FootDrop.Content, by the
/// red-flag detector's time reader). Building the recognisers' models takes a
/// noticeable moment, so one instance is shared and <see cref="Warmup"/> builds them in the background at start-up,
/// rather than on a user's turn or before the first reply; a turn that needs them sooner waits for them.
/// </summary>
public sealed partial class TextRecognizers
{
    private readonly Lazy<IModel> _numberModel = new(() => new NumberRecognizer(Culture.English).GetNumberModel());

    public void Warmup()
    {
        _numberModel.Value.Parse("seven");
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

        foreach (var result in _numberModel.Value.Parse(text))
        {
            if (result.Resolution?.TryGetValue("value", out var value) == true
                && double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*(?<value>\d{1,2}(?:\.\d+)?)\s*(?:/|out of|of)\s*10\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScaleAnswer();
}
