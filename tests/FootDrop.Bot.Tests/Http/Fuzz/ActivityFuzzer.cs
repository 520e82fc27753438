using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Http.Fuzz;

/// <summary>
/// Generates activities for /api/messages as a careless or hostile client might send them: random and made-up types,
/// fields missing or of the wrong JSON type, huge and odd Unicode text, broken card submits, odd locales and ids.
/// Everything a user could have typed carries a canary (<c>qz</c> and eight capitals), so the logs can be searched for it.
/// Deterministic for a seed.
/// </summary>
public sealed class ActivityFuzzer(int seed, Uri serviceUrl)
{
    private static readonly string[] s_types =
    [
        "message", "message", "message", "message", "message", "message", "invoke", "invoke", "conversationUpdate", "event",
        "installationUpdate", "messageReaction", "messageUpdate", "messageDelete", "typing", "endOfConversation", "trace",
        "handoff", "contactRelationUpdate", "deleteUserData", "suggestion", "command", "commandResult", "MESSAGE", "Message ",
    ];

    private static readonly string[] s_utterances =
    [
        "help", "menu", "cancel", "start over", "check my symptoms", "exercises", "toe lifts", "calf stretch", "left", "right",
        "no", "yes", "not sure", "next", "repeat", "back", "stop", "start hold", "I did all reps", "7", "seven", "7/10", "10",
        "my progress", "delete my data", "what causes foot drop", "whats an AFO", "this morning", "for about 3 weeks",
        "my foot suddenly went numb", "no numbness or tingling", "my face is drooping", "I can't control my bladder",
    ];

    private static readonly string[] s_oddText =
    [
        "\u202Eevil\u202C reversed", "zero\u200Bwidth\u200Djoiner\uFEFF", "Z\u0351\u0352\u0357\u0300\u0301\u0302a\u0303\u0304\u0305l\u0306g\u0307o",
        "👩🏽‍⚕️🦶🏻🦵‍🔥", "\u0000nul\u0001\u0007\u001b[31mred", "\uD800 lone high", "lone low \uDC00", "العربية من اليمين", "中文字符测试",
        "\r\n\r\n\t\t", "<script>alert(1)</script>", "'; DROP TABLE bot_state; --", "{{placeholder}} {emergencyNumber}", "%s%n%x",
        "<at>FootDrop.Bot</at> help", "\u00A0\u2028\u2029", "𝕙𝕖𝕝𝕡", "ﬀ ß İ ǅ", "\\u0000 escaped", new string('a', 2001),
    ];

    private static readonly string[] s_locales =
    [
        "en-US", "en-GB", "de-DE", "ar-SA", "zh-Hans-CN", "", "xx", "zz-ZZ", "en_US", "x-klingon", "i-default", "C", "en-US-u-nu-arab",
        "😀", "en-US\u0000", new string('e', 300), "../../etc", "tlh",
    ];

    private static readonly string[] s_invokeNames =
    [
        "adaptiveCard/action", "task/fetch", "task/submit", "composeExtension/query", "signin/verifyState", "signin/tokenExchange",
        "actionableMessage/executeAction", "fileConsent/invoke", "healthCheck", "application/search", "config/fetch", "", "some/unknownInvoke",
    ];

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _canaries = new(StringComparer.Ordinal);

    /// <summary>Every canary put into generated text so far.</summary>
    public IReadOnlySet<string> Canaries => _canaries;

    /// <summary>The next request body, and whether it is an invoke (the only kind that may be answered 501).</summary>
    public (string Body, bool IsInvoke) Next()
    {
        if (Chance(0.03))
        {
            return (BrokenBody(), false);
        }

        var activity = new JObject();
        var type = Maybe(() => (JToken)Pick(s_types), () => Odd(allowText: false));
        Set(activity, "type", type);
        Set(activity, "id", Maybe(() => Guid.NewGuid().ToString("N"), () => OddId()));
        Set(activity, "channelId", Maybe(() => Pick("emulator", "emulator", "msteams", "directline", "webchat", "slack"), () => OddId()));
        Set(activity, "serviceUrl", Maybe(() => serviceUrl.ToString(), () => Pick<JToken>("http://127.0.0.1:1/", "not a url", "file:///etc/passwd", "ftp://127.0.0.1/", "mailto:a@b", "javascript:alert(1)", 42, "")));
        Set(activity, "conversation", Maybe(() => new JObject { ["id"] = ConversationId() }, () => Pick<JToken>(new JObject(), new JObject { ["id"] = 5 }, new JObject { ["id"] = OddId() }, "conv", new JArray(), JValue.CreateNull(), new JObject { ["id"] = ConversationId(), ["isGroup"] = "yes" }, new JObject { ["id"] = ConversationId(), ["conversationType"] = "channel", ["tenantId"] = 7 })));
        Set(activity, "from", Maybe(() => new JObject { ["id"] = "user-" + _random.Next(50), ["name"] = Canary() + " name" }, () => Pick<JToken>(new JObject(), "user", new JObject { ["id"] = JValue.CreateNull() }, new JObject { ["id"] = OddId(), ["role"] = "bot" }, new JArray())));
        Set(activity, "recipient", Maybe(() => new JObject { ["id"] = "bot", ["name"] = "FootDrop.Bot" }, () => Pick<JToken>(new JObject(), 3, new JObject { ["id"] = OddId() })));
        Set(activity, "locale", Maybe(() => (JToken)Pick(s_locales), () => Pick<JToken>(5, new JArray("en"), JValue.CreateNull())));
        Set(activity, "timestamp", Maybe(() => DateTimeOffset.UtcNow.ToString("O"), () => Pick<JToken>("not a date", 12345, "2026-13-45T99:99:99Z", "")));
        Set(activity, "text", Maybe(() => Text(), () => Odd(allowText: true)));
        Set(activity, "value", Maybe(CardSubmit, () => Odd(allowText: true)));
        Set(activity, "deliveryMode", Maybe(() => Pick("expectReplies", "normal"), () => Pick<JToken>("weird", 5, "")));

        if (Chance(0.3))
        {
            Set(activity, "name", Maybe(() => (JToken)Pick(s_invokeNames), () => Odd(allowText: false)));
        }

        if (Chance(0.2))
        {
            Set(activity, "attachments", Maybe(Attachments, () => Odd(allowText: true)));
        }

        if (Chance(0.2))
        {
            Set(activity, "entities", Maybe(() => new JArray(new JObject { ["type"] = "mention", ["mentioned"] = new JObject { ["id"] = "bot" }, ["text"] = "<at>FootDrop.Bot</at>" }), () => Odd(allowText: false)));
        }

        if (Chance(0.2))
        {
            Set(activity, "channelData", Maybe(() => new JObject { ["clientActivityID"] = OddId(), ["tenant"] = new JObject { ["id"] = "t" }, ["postBack"] = _random.Next(2) == 0 }, () => Odd(allowText: true)));
        }

        if (Chance(0.1))
        {
            Set(activity, "membersAdded", Maybe(() => new JArray(new JObject { ["id"] = "bot" }, new JObject { ["id"] = "user-" + _random.Next(50), ["name"] = Canary() }), () => Odd(allowText: false)));
        }

        if (Chance(0.1))
        {
            Set(activity, "action", Pick<JToken>("add", "remove", "add-upgrade", 5, ""));
        }

        if (Chance(0.1))
        {
            Set(activity, "replyToId", Maybe(() => Guid.NewGuid().ToString("N"), () => OddId()));
        }

        if (Chance(0.05))
        {
            Set(activity, "speak", Canary() + " <speak>ssml</speak>");
            Set(activity, "summary", Canary());
        }

        var isInvoke = type is { Type: JTokenType.String } && (string?)type == "invoke";
        return (activity.ToString(Chance(0.5) ? Formatting.None : Formatting.Indented), isInvoke);
    }

    private string Text()
    {
        var canary = Canary();
        return _random.Next(10) switch
        {
            < 5 => Pick(s_utterances) + (Chance(0.5) ? " " + canary : string.Empty),
            5 => canary + " " + Pick(s_oddText),
            6 => canary + " " + RandomUnicode(_random.Next(1, 200)),
            7 => Chance(0.1) ? canary + " " + Huge() : "   ",
            8 => canary,
            _ => Pick(s_utterances).ToUpperInvariant() + "!!! " + canary,
        };
    }

    /// <summary>100 KB to 250 KB of words, emoji and odd characters (the endpoint takes up to 256 KB).</summary>
    private string Huge()
    {
        var target = _random.Next(50_000, 120_000);
        var builder = new StringBuilder(target);
        while (builder.Length < target)
        {
            builder.Append(Pick("word ", "numb ", "😀", "\u0301", "ß", "weakness ", "\u200B", "foot-drop ", "\t"));
        }

        return builder.ToString();
    }

    private JToken CardSubmit()
    {
        var canary = Canary();
        return _random.Next(9) switch
        {
            0 => new JObject { ["choice"] = canary },
            1 => new JObject { ["choice"] = Pick<JToken>("yes", "no", "Next", "Left", 3, JValue.CreateNull(), new JObject { ["nested"] = canary }) },
            2 => new JObject { ["action"] = 123, ["data"] = new JObject { ["choice"] = canary } },
            3 => new JObject { ["msteams"] = new JObject { ["type"] = "messageBack", ["text"] = Pick<JToken>(5, canary, JValue.CreateNull()), ["displayText"] = canary } },
            4 => canary + " plain string value",
            5 => new JArray(1, "two", canary),
            6 => Deep(_random.Next(10, 80), canary),
            7 => new JObject { ["id"] = JValue.CreateNull(), ["verb"] = canary, ["type"] = "Action.Execute" },
            _ => new JObject(),
        };
    }

    private JToken Attachments() => new JArray(
        new JObject
        {
            ["contentType"] = Pick("application/vnd.microsoft.card.adaptive", "image/png", "text/plain", ""),
            ["content"] = Pick<JToken>(new JObject { ["type"] = "AdaptiveCard", ["body"] = "not an array", ["actions"] = new JArray(new JObject { ["type"] = "Action.Submit", ["data"] = Canary() }) }, Canary(), 5),
            ["contentUrl"] = Pick("http://127.0.0.1:1/image.png", "data:text/plain;base64,AAAA", "not a url"),
            ["name"] = Canary(),
        },
        JValue.CreateNull());

    /// <summary>Nested objects; past 64 levels the endpoint refuses the body.</summary>
    private static JToken Deep(int depth, string canary)
    {
        JToken inner = canary;
        for (var i = 0; i < depth; i++)
        {
            inner = new JObject { ["choice"] = inner };
        }

        return inner;
    }

    private string BrokenBody() => _random.Next(7) switch
    {
        0 => "{\"type\":\"message\",\"text\":\"" + Canary() + " truncated",
        1 => new string('[', 5_000) + new string(']', 5_000),
        2 => "null",
        3 => "\"" + Canary() + "\"",
        4 => new string(' ', 100_000),
        5 => "{\"type\":\"message\",\"type\":\"invoke\",\"text\":\"" + Canary() + "\"}",
        _ => string.Empty,
    };

    /// <summary>A value of the wrong JSON type, or a missing field (null means leave it out).</summary>
    private JToken? Odd(bool allowText) => _random.Next(allowText ? 9 : 8) switch
    {
        0 => null,
        1 => JValue.CreateNull(),
        2 => _random.Next(),
        3 => _random.NextDouble() * 1e300,
        4 => true,
        5 => new JArray(1, 2, 3),
        6 => new JObject { ["unexpected"] = "object" },
        7 => RandomUnicode(_random.Next(1, 30)).Replace("qz", "q z", StringComparison.Ordinal),
        _ => Canary() + " " + RandomUnicode(20),
    };

    /// <summary>Mostly a pool of ids, so conversations go on across activities; sometimes odd ones.</summary>
    private string ConversationId() => Chance(0.9) ? "fuzz-" + _random.Next(300) : OddId();

    private string OddId() => Pick(
        new string('c', _random.Next(1_000, 8_000)),
        "../../conversations/x",
        "a/b/conversations/c/users/d",
        "'; DROP TABLE bot_state; --",
        "ünïcødé-😀-id",
        "id with spaces",
        "\u0000",
        "id|with|pipes",
        string.Empty,
        Guid.NewGuid().ToString());

    private string RandomUnicode(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            // Any BMP code point, surrogates and controls included, and now and then a whole astral one.
            if (_random.Next(20) == 0)
            {
                builder.Append(char.ConvertFromUtf32(_random.Next(0x10000, 0x110000)));
            }
            else
            {
                builder.Append((char)_random.Next(0, 0x10000));
            }
        }

        return builder.ToString();
    }

    private string Canary()
    {
        var letters = new char[8];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('A' + _random.Next(26));
        }

        var canary = "qz" + new string(letters);
        _canaries.Add(canary);
        return canary;
    }

    /// <summary>Usually the usual value; otherwise an odd one, or null to leave the field out.</summary>
    private JToken? Maybe(Func<JToken> usual, Func<JToken?> odd) => Chance(0.92) ? usual() : odd();

    private static void Set(JObject activity, string name, JToken? value)
    {
        if (value is not null)
        {
            activity[name] = value;
        }
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(params T[] values) => values[_random.Next(values.Length)];

    private string Pick(params string[] values) => values[_random.Next(values.Length)];
}
