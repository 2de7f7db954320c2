#include "theme.h"

#include <QApplication>
#include <QStyle>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

struct Colors
{
    QColor window, windowText, base, alternateBase, text, placeholder, button, buttonText, brightText;
    QColor light, midlight, mid, dark, shadow;
    QColor highlight, highlightedText, link, linkVisited, toolTipBase, toolTipText;
    // The Disabled group.
    QColor disabledText, disabledButton, disabledHighlight, disabledHighlightedText, disabledPlaceholder;
    QColor disabledDark, disabledShadow;
};

// Fusion's own light palette, so --theme light keeps the usual look; only
// the links are a calmer blue than its pure #0000ff.
Colors lightColors()
{
    Colors c;
    c.window = QColor(0xef, 0xef, 0xef);
    c.windowText = QColor(0x00, 0x00, 0x00);
    c.base = QColor(0xff, 0xff, 0xff);
    c.alternateBase = QColor(0xf7, 0xf7, 0xf7);
    c.text = QColor(0x00, 0x00, 0x00);
    c.placeholder = QColor(0x00, 0x00, 0x00, 0x80);
    c.button = QColor(0xef, 0xef, 0xef);
    c.buttonText = QColor(0x00, 0x00, 0x00);
    c.brightText = QColor(0xff, 0xff, 0xff);
    c.light = QColor(0xff, 0xff, 0xff);
    c.midlight = QColor(0xca, 0xca, 0xca);
    c.mid = QColor(0xb8, 0xb8, 0xb8);
    c.dark = QColor(0x9f, 0x9f, 0x9f);
    c.shadow = QColor(0x76, 0x76, 0x76);
    c.highlight = QColor(0x30, 0x8c, 0xc6);
    c.highlightedText = QColor(0xff, 0xff, 0xff);
    c.link = QColor(0x0b, 0x5c, 0xad);
    c.linkVisited = QColor(0x6a, 0x3d, 0x9a);
    c.toolTipBase = QColor(0xff, 0xff, 0xdc);
    c.toolTipText = QColor(0x00, 0x00, 0x00);
    c.disabledText = QColor(0xbe, 0xbe, 0xbe);
    c.disabledButton = QColor(0xef, 0xef, 0xef);
    c.disabledHighlight = QColor(0x91, 0x91, 0x91);
    c.disabledHighlightedText = QColor(0xff, 0xff, 0xff);
    c.disabledPlaceholder = QColor(0x00, 0x00, 0x00, 0x50);
    c.disabledDark = QColor(0xbe, 0xbe, 0xbe);
    c.disabledShadow = QColor(0xb1, 0xb1, 0xb1);
    return c;
}

// Blue-grey surfaces rather than pure black; text at about 13:1 on Base.
Colors darkColors()
{
    Colors c;
    c.window = QColor(0x2b, 0x2e, 0x33);
    c.windowText = QColor(0xe4, 0xe7, 0xeb);
    c.base = QColor(0x1f, 0x22, 0x26);
    c.alternateBase = QColor(0x27, 0x2a, 0x2f);
    c.text = QColor(0xe4, 0xe7, 0xeb);
    c.placeholder = QColor(0x95, 0x9c, 0xa4);
    c.button = QColor(0x35, 0x39, 0x3f);
    c.buttonText = QColor(0xe4, 0xe7, 0xeb);
    c.brightText = QColor(0xff, 0xff, 0xff);
    c.light = QColor(0x4b, 0x51, 0x59);
    c.midlight = QColor(0x40, 0x45, 0x4c);
    c.mid = QColor(0x5a, 0x60, 0x68);
    c.dark = QColor(0x1a, 0x1c, 0x1f);
    c.shadow = QColor(0x0e, 0x0f, 0x11);
    c.highlight = QColor(0x2f, 0x7b, 0xc4);
    c.highlightedText = QColor(0xff, 0xff, 0xff);
    c.link = QColor(0x6c, 0xb6, 0xff);
    c.linkVisited = QColor(0xc0, 0x9c, 0xff);
    c.toolTipBase = QColor(0x3a, 0x3f, 0x46);
    c.toolTipText = QColor(0xec, 0xef, 0xf2);
    c.disabledText = QColor(0x7c, 0x82, 0x8a);
    c.disabledButton = QColor(0x30, 0x33, 0x38);
    c.disabledHighlight = QColor(0x45, 0x4a, 0x52);
    c.disabledHighlightedText = QColor(0x9a, 0x9f, 0xa6);
    c.disabledPlaceholder = QColor(0x5e, 0x64, 0x6b);
    c.disabledDark = c.dark;
    c.disabledShadow = c.shadow;
    return c;
}

QPalette build(const Colors &c)
{
    QPalette p;
    // Every group starts alike, as in Fusion's own palette; then Disabled greys out.
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        p.setColor(group, QPalette::Window, c.window);
        p.setColor(group, QPalette::WindowText, c.windowText);
        p.setColor(group, QPalette::Base, c.base);
        p.setColor(group, QPalette::AlternateBase, c.alternateBase);
        p.setColor(group, QPalette::Text, c.text);
        p.setColor(group, QPalette::PlaceholderText, c.placeholder);
        p.setColor(group, QPalette::Button, c.button);
        p.setColor(group, QPalette::ButtonText, c.buttonText);
        p.setColor(group, QPalette::BrightText, c.brightText);
        p.setColor(group, QPalette::Light, c.light);
        p.setColor(group, QPalette::Midlight, c.midlight);
        p.setColor(group, QPalette::Mid, c.mid);
        p.setColor(group, QPalette::Dark, c.dark);
        p.setColor(group, QPalette::Shadow, c.shadow);
        p.setColor(group, QPalette::Highlight, c.highlight);
        p.setColor(group, QPalette::HighlightedText, c.highlightedText);
        p.setColor(group, QPalette::Link, c.link);
        p.setColor(group, QPalette::LinkVisited, c.linkVisited);
        p.setColor(group, QPalette::ToolTipBase, c.toolTipBase);
        p.setColor(group, QPalette::ToolTipText, c.toolTipText);
    }
    p.setColor(QPalette::Disabled, QPalette::WindowText, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Text, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Button, c.disabledButton);
    p.setColor(QPalette::Disabled, QPalette::Base, c.window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, c.disabledHighlight);
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, c.disabledHighlightedText);
    p.setColor(QPalette::Disabled, QPalette::PlaceholderText, c.disabledPlaceholder);
    p.setColor(QPalette::Disabled, QPalette::Link, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::LinkVisited, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Dark, c.disabledDark);
    p.setColor(QPalette::Disabled, QPalette::Shadow, c.disabledShadow);
    return p;
}

} // namespace

QPalette Theme::palette(const QString &name)
{
    return build(name == QLatin1String("dark") ? darkColors() : lightColors());
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

namespace {

// A status colour in its light-theme and dark-theme variants.
struct Tone
{
    QColor light;
    QColor dark;
    QColor on(const QPalette &palette) const { return Theme::isDark(palette) ? dark : light; }
};

const Tone runningTone{QColor(0x0b, 0x5c, 0xad), QColor(0x6c, 0xb6, 0xff)};
const Tone okTone{QColor(0x1a, 0x7f, 0x37), QColor(0x6f, 0xd0, 0x8c)};
const Tone failedTone{QColor(0xb3, 0x26, 0x1e), QColor(0xff, 0x8a, 0x80)};
const Tone stoppedTone{QColor(0x9a, 0x5b, 0x00), QColor(0xff, 0xc1, 0x6b)};
// Opaque, unlike PlaceholderText, so a legend swatch matches a bar.
const Tone mutedTone{QColor(0x6b, 0x75, 0x80), QColor(0x95, 0x9c, 0xa4)};
// Violet: far from running's blue and from the warning amber, so a paused job
// is not read as stopping.
const Tone pausedTone{QColor(0x7a, 0x3d, 0xb8), QColor(0xc5, 0x9c, 0xff)};
// Chart lines: CPU in the running blue (busy means running), memory in teal,
// which no state uses.
const Tone memoryTone{QColor(0x00, 0x7a, 0x7a), QColor(0x4f, 0xd1, 0xc5)};

} // namespace

QColor Theme::stateColor(JobOutcome::State state, bool success, const QPalette &palette)
{
    switch (state) {
    case JobOutcome::State::Starting:
    case JobOutcome::State::Running:
        return runningTone.on(palette);
    case JobOutcome::State::Finished:
        return (success ? okTone : failedTone).on(palette);
    case JobOutcome::State::FailedToStart:
    case JobOutcome::State::Crashed:
        return failedTone.on(palette);
    case JobOutcome::State::TimedOut:
    case JobOutcome::State::Killed:
        return stoppedTone.on(palette);
    case JobOutcome::State::PipeClosed:
        // Normal pipeline behaviour (yes | head): muted, never the alarm red.
        return mutedTone.on(palette);
    case JobOutcome::State::Queued:
        break;
    }
    return palette.color(QPalette::Text);
}

QColor Theme::pausedColor(const QPalette &palette)
{
    return pausedTone.on(palette);
}

QColor Theme::seriesColor(Series series, const QPalette &palette)
{
    return (series == Series::Cpu ? runningTone : memoryTone).on(palette);
}

QColor Theme::errorText(const QPalette &palette)
{
    return failedTone.on(palette);
}

QColor Theme::warningText(const QPalette &palette)
{
    return stoppedTone.on(palette);
}

QColor Theme::findHighlight(const QPalette &palette, bool current)
{
    if (isDark(palette))
        return current ? QColor(0xb0, 0x78, 0x00) : QColor(0x5c, 0x4a, 0x10);
    return current ? QColor(0xff, 0x9f, 0x1a) : QColor(0xff, 0xe8, 0x80);
}

namespace {

// WCAG's relative luminance and contrast ratio: the measure of "readable"
// that does not depend on hue.
double luminance(const QColor &color)
{
    auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// WCAG's minimum for large text; coloured output is mostly accents (a
// "FAIL", a prompt) and 4.5 would wash out most of xterm's palette.
constexpr double minimumTerminalContrast = 3.0;

} // namespace

QColor Theme::terminalText(const QColor &fg, const QColor &bg, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor under = bg.isValid() ? bg : palette.color(QPalette::Base);
    if (!fg.isValid() && !bg.isValid())
        return text;
    const QColor target = !bg.isValid() ? text : luminance(bg) > 0.18 ? QColor(Qt::black) : QColor(Qt::white);
    const QColor start = fg.isValid() ? fg : text;
    QColor color = start;
    // Ten steps at most: the target itself always contrasts enough.
    for (int step = 1; step <= 10 && contrast(color, under) < minimumTerminalContrast; ++step) {
        const double t = step / 10.0;
        color = mix(start, target, t);
    }
    return color;
}

QColor Theme::mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

void Theme::apply(const QString &name)
{
    if (name != QLatin1String("light") && name != QLatin1String("dark"))
        return;
    // The style first: setting it resets the application palette.
    QApplication::setStyle(QStringLiteral("Fusion"));
    const QPalette pal = palette(name);
    QApplication::setPalette(pal);
    QToolTip::setPalette(pal);
}
