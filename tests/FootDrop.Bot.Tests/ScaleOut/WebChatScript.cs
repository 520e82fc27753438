namespace FootDrop.Bot.Tests.ScaleOut;

/// <summary>A first web visit from the welcome to the end of the calf stretch: what is said, and a piece of the bot's answer to wait for.</summary>
public static class WebChatScript
{
    public static IReadOnlyList<(string Say, string Expect)> ToTheHoldStep { get; } =
    [
        ("calf stretch", "which leg"),
        ("left", "face drooping"),
        ("no", "urine"),
        ("no", "When did"),
        ("slowly over months", "numbness"),
        ("no", "shoots"),
        ("no", "balance"),
        ("no", "injury"),
        ("no", "getting worse"),
        ("no", "Getting ready (1 of 3)"),
        ("next", "Getting ready (2 of 3)"),
        ("next", "Getting ready (3 of 3)"),
        ("next", "Rep 1 of 3"),
        ("next", "Hold that stretch for 20 to 30 seconds"),
    ];

    public static IReadOnlyList<(string Say, string Expect)> ToTheEnd { get; } =
    [
        .. ToTheHoldStep,
        ("I did all reps", "how much pain"),
        ("2", "That's the session finished: 1 done."),
    ];
}
