// One line above the detail pane's tabs: a bold title, then plain text,
// elided at the right edge with the whole text in the tooltip. Its height is
// one line whatever it shows, so the tab bar below never moves.
#pragma once

#include <QWidget>

class ElidedHeader : public QWidget
{
    Q_OBJECT
public:
    explicit ElidedHeader(QWidget *parent = nullptr);

    // title is drawn bold; rest follows it after a separator (if not empty).
    void setParts(const QString &title, const QString &rest);
    QString title() const { return m_title; }
    QString rest() const { return m_rest; }
    // The whole text, as the tooltip shows it: "title: rest".
    QString text() const;
    // True when the text did not fit the width and was cut with "…".
    bool isElided() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    // The bold title and the plain rest as drawn in width, each elided.
    struct Layout
    {
        QString title;
        QString rest;
        int titleWidth = 0;
    };
    Layout layoutFor(int width) const;
    QString shownRest() const; // the rest with its separator, as drawn

    QString m_title;
    QString m_rest;
};
