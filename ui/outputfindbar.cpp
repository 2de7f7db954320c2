#include "outputfindbar.h"
#include "theme.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>

OutputFindBar::OutputFindBar(QWidget *parent)
    : QWidget(parent)
    , m_field(new QLineEdit(this))
    , m_regex(new QCheckBox(tr("Re&gex"), this))
    , m_case(new QCheckBox(tr("Match &case"), this))
    , m_status(new QLabel(this))
    , m_researchTimer(new QTimer(this))
{
    m_field->setPlaceholderText(tr("Find in output"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_regex->setToolTip(tr("Read the text as a regular expression (Perl syntax, as Python's re)"));
    auto *previous = new QToolButton(this);
    previous->setText(tr("Previous"));
    previous->setToolTip(tr("Previous match (Shift+Enter, Shift+F3)"));
    auto *next = new QToolButton(this);
    next->setText(tr("Next"));
    next->setToolTip(tr("Next match (Enter, F3)"));
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setToolTip(tr("Close (Esc)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_regex);
    layout->addWidget(m_case);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_status);
    layout->addWidget(close);

    // A live job rewrites the view a few times a second: search again then,
    // but not on every keystroke of a long pattern twice.
    m_researchTimer->setSingleShot(true);
    m_researchTimer->setInterval(150);
    connect(m_researchTimer, &QTimer::timeout, this, &OutputFindBar::search);
    connect(m_field, &QLineEdit::textChanged, this, &OutputFindBar::search);
    connect(m_regex, &QCheckBox::toggled, this, &OutputFindBar::search);
    connect(m_case, &QCheckBox::toggled, this, &OutputFindBar::search);
    connect(previous, &QToolButton::clicked, this, &OutputFindBar::findPrevious);
    connect(next, &QToolButton::clicked, this, &OutputFindBar::findNext);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        emit closed();
    });
}

void OutputFindBar::setTarget(QPlainTextEdit *edit)
{
    if (edit == m_target)
        return;
    if (m_target) {
        m_target->setExtraSelections({});
        disconnect(m_target, nullptr, this, nullptr);
    }
    m_target = edit;
    if (m_target) {
        connect(m_target, &QPlainTextEdit::textChanged, m_researchTimer, qOverload<>(&QTimer::start));
        connect(m_target, &QObject::destroyed, this, [this] { m_target = nullptr; });
    }
    search();
}

void OutputFindBar::setPattern(const QString &pattern, bool regex)
{
    const QSignalBlocker block(m_regex);
    m_regex->setChecked(regex);
    m_field->setText(pattern);
    search();
}

void OutputFindBar::activate()
{
    show();
    m_field->setFocus();
    m_field->selectAll();
    search();
}

QString OutputFindBar::statusText() const
{
    return m_status->text();
}

bool OutputFindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool shift = key->modifiers() & Qt::ShiftModifier;
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter || key->key() == Qt::Key_F3) {
            shift ? findPrevious() : findNext();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            hide();
            emit closed();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void OutputFindBar::search()
{
    m_matches.clear();
    m_current = -1;
    m_truncated = false;
    m_error.clear();
    const QString pattern = m_field->text();
    if (m_target && !pattern.isEmpty() && !isHidden()) {
        QTextDocument *document = m_target->document();
        const QTextDocument::FindFlags flags = m_case->isChecked() ? QTextDocument::FindCaseSensitively
                                                                   : QTextDocument::FindFlags();
        QRegularExpression regex;
        if (m_regex->isChecked()) {
            regex.setPattern(pattern);
            if (!m_case->isChecked())
                regex.setPatternOptions(QRegularExpression::CaseInsensitiveOption);
            if (!regex.isValid())
                m_error = tr("not a valid regular expression: %1").arg(regex.errorString());
        }
        QTextCursor cursor(document);
        while (m_error.isEmpty()) {
            cursor = m_regex->isChecked() ? document->find(regex, cursor, flags) : document->find(pattern, cursor, flags);
            if (cursor.isNull())
                break;
            if (!cursor.hasSelection()) { // an empty match (e.g. "x*"): step over it
                if (!cursor.movePosition(QTextCursor::NextCharacter))
                    break;
                continue;
            }
            if (m_matches.size() >= MaxHighlighted) {
                m_truncated = true;
                break;
            }
            m_matches << cursor;
        }
    }
    if (!m_matches.isEmpty() && m_target) {
        // Start at the first match at or after the view's cursor, as editors do.
        const int from = m_target->textCursor().selectionStart();
        m_current = 0;
        for (int i = 0; i < m_matches.size(); ++i) {
            if (m_matches.at(i).selectionStart() >= from) {
                m_current = i;
                break;
            }
        }
        m_target->setTextCursor(m_matches.at(m_current));
        m_target->ensureCursorVisible();
    }
    highlight();
}

void OutputFindBar::highlight()
{
    QString status;
    if (!m_error.isEmpty())
        status = m_error;
    else if (m_field->text().isEmpty())
        status.clear();
    else if (m_matches.isEmpty())
        status = tr("no matches");
    else
        status = tr("%1 of %2%3").arg(m_current + 1).arg(m_matches.size()).arg(m_truncated ? QStringLiteral("+") : QString());
    m_status->setText(status);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, m_error.isEmpty() && !(m_matches.isEmpty() && !m_field->text().isEmpty())
                                               ? this->palette().color(QPalette::WindowText)
                                               : Theme::errorText(this->palette()));
    m_status->setPalette(palette);
    if (!m_target)
        return;
    QList<QTextEdit::ExtraSelection> selections;
    selections.reserve(m_matches.size());
    const QColor all = Theme::findHighlight(m_target->palette(), false);
    const QColor current = Theme::findHighlight(m_target->palette(), true);
    for (int i = 0; i < m_matches.size(); ++i) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = m_matches.at(i);
        selection.format.setBackground(i == m_current ? current : all);
        selections << selection;
    }
    m_target->setExtraSelections(selections);
}

void OutputFindBar::moveTo(int index)
{
    if (m_matches.isEmpty() || !m_target)
        return;
    m_current = (index + int(m_matches.size())) % int(m_matches.size());
    QTextCursor cursor = m_matches.at(m_current);
    m_target->setTextCursor(cursor);
    m_target->ensureCursorVisible();
    highlight();
}

void OutputFindBar::findNext()
{
    moveTo(m_current + 1);
}

void OutputFindBar::findPrevious()
{
    moveTo(m_current - 1);
}
