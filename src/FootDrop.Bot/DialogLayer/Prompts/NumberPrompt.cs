using FootDrop.Bot.Recognition;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.DialogLayer.Prompts;

/// <summary>Asks for a number: "7", "seven", "7/10". An optional range rejects answers outside it.</summary>
public sealed class NumberPrompt(string id, TextRecognizers recognizers, double min = double.MinValue, double max = double.MaxValue)
    : Prompt<double>(id, value => value >= min && value <= max)
{
    protected override PromptRecognition<double> Recognize(Activity activity, PromptOptions options)
        => recognizers.RecognizeNumber(activity.Text) is { } number
            ? PromptRecognition<double>.Success(number)
            : PromptRecognition<double>.Failed;
}
