// Ctrl+F over a job's output: text or a regular expression, every match
// highlighted, Enter and Shift+Enter (or F3 and Shift+F3) step through them.
#pragma once

#include <QList>
#include <QTextCursor>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimer;

class OutputFindBar : public QWidget
{
    Q_OBJECT
public:
    // More matches than this are counted as "10000+" and not all highlighted:
    // highlighting is per match, and a flood of 'y' lines has millions.
    static constexpr int MaxHighlighted = 10000;

    explicit OutputFindBar(QWidget *parent = nullptr);

    // The view searched; its text may change (a live job), and the matches follow.
    void setTarget(QPlainTextEdit *edit);
    QPlainTextEdit *target() const { return m_target; }
    void setPattern(const QString &pattern, bool regex = false);
    // Opens the bar with the focus in its field.
    void activate();

    int matchCount() const { return int(m_matches.size()); }
    int currentMatch() const { return m_current; } // -1: none
    QString statusText() const;
    QLineEdit *field() const { return m_field; }

    void findNext();
    void findPrevious();

signals:
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();
    void highlight();
    void moveTo(int index);

    QPlainTextEdit *m_target = nullptr;
    QLineEdit *m_field;
    QCheckBox *m_regex;
    QCheckBox *m_case;
    QLabel *m_status;
    QTimer *m_researchTimer;
    QList<QTextCursor> m_matches;
    int m_current = -1;
    bool m_truncated = false;
    QString m_error;
};
