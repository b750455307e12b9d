#pragma once
// Progress and cancellation for long computations (the QgsFeedback pattern, without Qt).
// The GUI adapts this to a QgsFeedback inside a QgsTask; the command line prints dots or nothing.
#include "core/model/message.h"

#include <atomic>
#include <string>

namespace maillage {

class Feedback {
public:
    virtual ~Feedback() = default;
    //! Progress in percent, 0..100. May be called from a worker thread.
    virtual void setProgress(double percent) { m_progress = percent; }
    double progress() const { return m_progress; }
    //! The current step ("Lecture des communes"...), a message of the catalogue that the receiver
    //! words in its own language (the engine does not know it).
    virtual void setStep(const Message& step) { (void)step; }
    //! Long computations poll this and throw Error(ErrorKind::Canceled) when true.
    virtual bool isCanceled() const { return m_canceled.load(); }
    void cancel() { m_canceled = true; }

private:
    std::atomic<double> m_progress{0.0};
    std::atomic<bool> m_canceled{false};
};

//! Throws Error(Canceled) when feedback is non-null and canceled.
void throwIfCanceled(const Feedback* feedback);
//! Sets progress when feedback is non-null.
inline void report(Feedback* feedback, double percent) {
    if (feedback)
        feedback->setProgress(percent);
}

} // namespace maillage
