// The chain builder's list of stages: reorders by dragging within itself and
// accepts presets (from the palette) and plain-text commands from outside.
#pragma once

#include <QListWidget>

class QMimeData;

class StageList : public QListWidget
{
    Q_OBJECT
public:
    explicit StageList(QWidget *parent = nullptr);

signals:
    // A drop from outside, to be turned into stages at row.
    void externalDrop(const QMimeData *data, int row);

protected:
    QStringList mimeTypes() const override;
    bool dropMimeData(int index, const QMimeData *data, Qt::DropAction action) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
};
