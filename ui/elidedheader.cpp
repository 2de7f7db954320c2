#include "elidedheader.h"

#include <QFontMetrics>
#include <QPainter>
#include <QStyle>

#include <algorithm>

namespace {

QFont boldOf(QFont font)
{
    font.setBold(true);
    return font;
}

// A header is one line: line breaks in a title (a pasted script) become spaces.
QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    return text;
}

const QString Separator = QStringLiteral(": ");

} // namespace

ElidedHeader::ElidedHeader(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
}

void ElidedHeader::setParts(const QString &title, const QString &rest)
{
    const QString shownTitle = oneLine(title);
    const QString shownRest = oneLine(rest);
    if (shownTitle == m_title && shownRest == m_rest)
        return;
    m_title = shownTitle;
    m_rest = shownRest;
    setToolTip(text());
    update();
}

QString ElidedHeader::shownRest() const
{
    return m_title.isEmpty() || m_rest.isEmpty() ? m_rest : Separator + m_rest;
}

QString ElidedHeader::text() const
{
    return m_title + shownRest();
}

bool ElidedHeader::isElided() const
{
    const Layout layout = layoutFor(width());
    return layout.title != m_title || layout.rest != shownRest();
}

QSize ElidedHeader::sizeHint() const
{
    const QFontMetrics bold(boldOf(font()));
    return {bold.horizontalAdvance(text()) + 8, bold.height() + 6};
}

QSize ElidedHeader::minimumSizeHint() const
{
    return {0, QFontMetrics(boldOf(font())).height() + 6};
}

ElidedHeader::Layout ElidedHeader::layoutFor(int width) const
{
    const QFontMetrics bold(boldOf(font()));
    const QFontMetrics plain(font());
    Layout layout;
    // The title keeps at most two thirds of the line when there is more to
    // say, so a 5,000-character command never hides the state after it.
    const QString rest = shownRest();
    const int titleRoom = rest.isEmpty() ? width : std::max(width * 2 / 3, width - plain.horizontalAdvance(rest));
    layout.title = bold.elidedText(m_title, Qt::ElideRight, titleRoom);
    layout.titleWidth = bold.horizontalAdvance(layout.title);
    if (!rest.isEmpty())
        layout.rest = plain.elidedText(rest, Qt::ElideRight, std::max(0, width - layout.titleWidth));
    return layout;
}

void ElidedHeader::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = contentsRect();
    const Layout layout = layoutFor(area.width());
    painter.setPen(palette().color(QPalette::WindowText));
    painter.setFont(boldOf(font()));
    painter.drawText(area, Qt::AlignLeft | Qt::AlignVCenter, layout.title);
    painter.setFont(font());
    painter.drawText(area.adjusted(layout.titleWidth, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, layout.rest);
}
