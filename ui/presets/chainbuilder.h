// The chain builder: stages dropped from the palette (or typed) become a
// pipeline a | b | c that can be reordered, run, or saved as a preset.
#pragma once

#include "preset.h"

#include <QWidget>

class PresetListModel;
class QLabel;
class QMimeData;
class QPushButton;
class StageList;

class ChainBuilder : public QWidget
{
    Q_OBJECT
public:
    explicit ChainBuilder(const PresetListModel *presets, QWidget *parent = nullptr);

    // Appends (or inserts at row) the stages of a preset.
    void addPreset(const Preset &preset, int row = -1);
    void addCommand(const QString &command, int row = -1);
    void removeCurrentStage();
    void clear();
    QList<StageSpec> stages() const;
    // The pipeline as a preset (one copy, the stages in order).
    Preset toPreset() const;
    QString pipelineText() const;

signals:
    void runRequested(const Preset &preset);
    void saveRequested(const Preset &preset);
    void statusMessage(const QString &message);

private:
    void onExternalDrop(const QMimeData *data, int row);
    void insertStage(const StageSpec &stage, int row);
    void updatePipeline();

    const PresetListModel *m_presets;
    StageList *m_list;
    QLabel *m_pipeline;
    QPushButton *m_run;
    QPushButton *m_save;
    QPushButton *m_remove;
};
