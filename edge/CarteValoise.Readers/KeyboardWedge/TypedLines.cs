using System.Text;

namespace CarteValoise.Readers.KeyboardWedge;

/// <summary>
/// Puts the key presses of a keyboard-wedge reader back into the lines it typed. The codes are
/// key positions, not characters, so the French AZERTY layout of the box does not matter: a
/// wedge "types" the key where 1 is on a QWERTY keyboard and Linux reports KEY_1 either way.
/// Any key that cannot be part of a UID makes the line garbled, so the UID rule rejects it and
/// logs it rather than the box guessing.
/// </summary>
internal sealed class TypedLines
{
    /// <summary>Longer than any UID in any format; a wedge typing on and on is cut off here.</summary>
    public const int MaxLength = 40;

    private const char Garbled = '?';
    private readonly StringBuilder _line = new(MaxLength);

    /// <summary>Takes one event; returns the line when it was Enter, otherwise null.</summary>
    public string? Take(InputEvent e)
    {
        if (e.Type != InputEvent.KeyEvent || e.Value != InputEvent.KeyDown) return null;
        if (e.Code is KeyEnter or KeyPadEnter)
        {
            var line = _line.ToString();
            _line.Clear();
            return line.Length == 0 ? null : line;
        }
        if (e.Code is LeftShift or RightShift) return null; // some wedges shift their A-F
        if (_line.Length < MaxLength) _line.Append(CharOf(e.Code));
        return null;
    }

    private const ushort KeyEnter = 28, KeyPadEnter = 96, LeftShift = 42, RightShift = 54;

    // linux/input-event-codes.h
    private static char CharOf(ushort code) => code switch
    {
        >= 2 and <= 10 => (char)('1' + code - 2), // KEY_1 … KEY_9
        11 => '0',
        30 => 'A',
        48 => 'B',
        46 => 'C',
        32 => 'D',
        18 => 'E',
        33 => 'F',
        71 => '7', 72 => '8', 73 => '9', // keypad
        75 => '4', 76 => '5', 77 => '6',
        79 => '1', 80 => '2', 81 => '3',
        82 => '0',
        _ => Garbled,
    };
}
